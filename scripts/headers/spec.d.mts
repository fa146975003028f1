export declare function sourceValue(key: string): bigint;
