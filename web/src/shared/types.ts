/** Shapes of the server's JSON answers, as the web app reads them. */

export type ImportKind = 'population' | 'jkn' | 'poverty';
