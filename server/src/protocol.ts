/**
 * Custom messages between the VS Code client and the server (conventions.md §9). Both
 * sides import this file by relative path. Standard LSP covers everything else, so any
 * LSP client gets the same features; these only add UI conveniences.
 */

/** The extension's name: output channel, diagnostic source, settings prefix. */
export const EXTENSION_NAME = 'VN Corpus';
export const DIAGNOSTIC_SOURCE = 'vn-corpus';
export const SETTINGS_SECTION = 'vnCorpus';
export const LANGUAGE_ID = 'vn-article';

/** Default globs of corpus articles (setting `vnCorpus.files`). */
export const DEFAULT_ARTICLE_GLOBS = ['**/*.txt'];

/** Settings the server reads with workspace/configuration (section `vnCorpus`). */
export interface CorpusSettings {
  files: string[];
}

export const DEFAULT_SETTINGS: CorpusSettings = {
  files: DEFAULT_ARTICLE_GLOBS,
};
