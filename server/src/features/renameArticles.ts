/**
 * Renaming or moving an article in the editor carries its labels along
 * (`workspace/willRenameFiles`): the answer renames the article's `.ann` and sidecar to
 * the new name, and the client applies that edit as part of the same operation — so the
 * labels never stay behind under the old name, and one undo reverts all three files.
 *
 * Renaming a folder moves everything inside it, companions included: nothing to do. A
 * companion is never moved over an existing file (that file may hold someone's labels);
 * the annotator is told instead.
 */
import * as fs from 'node:fs';
import type { FileOperationRegistrationOptions, RenameFile, WorkspaceEdit } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { annPathOf, sidecarPathOf } from '../annotationFiles';
import { runSafe } from '../runner';
import type { Session } from '../session';

/** Every file rename is offered; the handler keeps articles (the `files` globs are settings). */
export const WILL_RENAME_FILES: FileOperationRegistrationOptions = {
  filters: [{ scheme: 'file', pattern: { glob: '**/*', matches: 'file' } }],
};

/** The files stored beside an article, by the article's path. */
const COMPANIONS: ReadonlyArray<(article: string) => string> = [annPathOf, sidecarPathOf];

export interface CompanionPlan {
  renames: RenameFile[];
  /** Companions left where they are, because a file already has the new name. */
  blocked: Array<{ from: string; to: string }>;
}

/**
 * The companion renames for a set of file renames. `isArticle` says which URIs are corpus
 * articles (both names must be), `exists` which paths are on disk.
 */
export function companionRenames(
  files: ReadonlyArray<{ oldUri: string; newUri: string }>,
  isArticle: (uri: string) => boolean,
  exists: (path: string) => boolean,
): CompanionPlan {
  const plan: CompanionPlan = { renames: [], blocked: [] };
  for (const { oldUri, newUri } of files) {
    if (!isArticle(oldUri) || !isArticle(newUri)) continue;
    const from = URI.parse(oldUri).fsPath;
    const to = URI.parse(newUri).fsPath;
    for (const companionOf of COMPANIONS) {
      const a = companionOf(from);
      const b = companionOf(to);
      if (a === b || !exists(a)) continue;
      if (exists(b)) plan.blocked.push({ from: a, to: b });
      else plan.renames.push({ kind: 'rename', oldUri: URI.file(a).toString(), newUri: URI.file(b).toString(), options: { overwrite: false, ignoreIfExists: true } });
    }
  }
  return plan;
}

export function registerRenameArticles(session: Session): void {
  session.connection.workspace.onWillRenameFiles((params, token) =>
    runSafe<WorkspaceEdit | null>(session.log, 'willRenameFiles', null, token, () => {
      const plan = companionRenames(params.files, (u) => session.isArticle(u), (p) => fs.existsSync(p));
      for (const b of plan.blocked) {
        void session.connection.window.showWarningMessage(`VN Corpus: the labels in ${b.from} were not moved, because ${b.to} already exists. Move or merge them by hand.`);
      }
      return plan.renames.length > 0 ? { documentChanges: plan.renames } : null;
    }),
  );
}
