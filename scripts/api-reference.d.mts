export declare const OUTPUT: URL;
export declare function renderReference(): Promise<string>;
export declare function current(): string;
