// Colour: only when stdout is a terminal and NO_COLOR is unset or empty
// (https://no-color.org). Without colour every style is the identity.

export interface Style {
  readonly bold: (text: string) => string;
  readonly warn: (text: string) => string;
}

const PLAIN: Style = { bold: (t) => t, warn: (t) => t };

const ANSI: Style = {
  bold: (t) => `\x1b[1m${t}\x1b[22m`,
  warn: (t) => `\x1b[1;31m${t}\x1b[0m`,
};

export function chooseStyle(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): Style {
  const noColor = env['NO_COLOR'];
  return isTTY && (noColor === undefined || noColor === '') ? ANSI : PLAIN;
}
