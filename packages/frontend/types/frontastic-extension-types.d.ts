// The frontend-sdk's declarations import two types from @frontastic/extension-types, whose package
// ships raw .ts sources that the strict workspace config refuses to compile. tsconfig `paths` points
// the SDK here instead; the renderer checks the page's shape itself (renderer/parse-page-response.ts).
export type PageFolder = Record<string, unknown>;
export type Section = Record<string, unknown>;
