export declare const START: string;
export declare const END: string;
export declare function renderTable(): string;
export declare function withTable(readme: string): string;
