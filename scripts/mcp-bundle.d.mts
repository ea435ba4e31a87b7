export declare const ajvProviderPattern: RegExp;
export declare const ajvProviderSpecifier: string;
export declare const noAjvPath: string;
export declare function isAjvProvider(source: string, importer: string | undefined): boolean;
export declare const noAjvEsbuildPlugin: { name: string; setup(build: unknown): void };
export declare function bundleMcpSdkForTests(esbuild: unknown, outfile: string): Promise<void>;
