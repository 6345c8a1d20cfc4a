export function webBuildIsStale(webDir: string): boolean;
export function buildWebIfStale(webDir: string, env?: NodeJS.ProcessEnv): number;
