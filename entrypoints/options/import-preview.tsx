import { type ReactNode, useState } from 'react';
import type { Duplicate } from '@/lib/import/article-duplicates';
import type { BatchOutcome } from '@/lib/import/commit-import';
import { formatBytes } from '@/lib/import/import-sources';
import type { PreparedArticle } from '@/lib/import/prepare-draft';
import type { PreparedFile } from '@/lib/import/prepare-import';
import { formatPartialDate } from '@/lib/model/format-date';
import { formatImportProblem, type ImportProblem, WHOLE_FILE } from '@/lib/model/import-problems';
import type { ImportCatalog } from '@/lib/storage/imported-corpus';

/** Large batches show this many files at first; the counts above always cover all of them. */
const FILES_SHOWN = 50;
const ARTICLES_SHOWN = 12;

const FORMAT_LABELS: Record<PreparedFile['format'], string> = {
  txt: 'Text',
  md: 'Markdown',
  html: 'Web page',
  json: 'Corpus pack',
  paste: 'Pasted',
  page: 'Web page',
  unsupported: 'Not supported',
};

/** What the preview will do, counted. */
function previewCounts(files: readonly PreparedFile[]) {
  let ready = 0;
  let duplicates = 0;
  let rejectedFiles = 0;
  let problems = 0;
  let packEntities = 0;
  for (const file of files) {
    ready += file.articles.filter((article) => !article.duplicate).length;
    duplicates += file.articles.filter((article) => article.duplicate).length;
    problems += file.problems.length;
    if (file.articles.length === 0 && file.problems.length > 0 && !file.pack) rejectedFiles++;
    packEntities += file.pack?.entities?.length ?? 0;
  }
  return { ready, duplicates, rejectedFiles, problems, packEntities };
}

/** The preview before committing: every article that will be imported, every duplicate and every problem. */
export function ImportPreview({
  files,
  catalog,
  onConfirm,
  onBack,
  packEffects,
}: {
  files: PreparedFile[];
  catalog: ImportCatalog | undefined;
  onConfirm: () => void;
  onBack: () => void;
  /** A corpus pack's effects and their checkboxes, under the file (issue #14). */
  packEffects?: (position: number) => ReactNode;
}) {
  const [showAll, setShowAll] = useState(false);
  const counts = previewCounts(files);
  const shown = showAll ? files : files.slice(0, FILES_SHOWN);
  const canImport = counts.ready > 0 || files.some((file) => file.pack && file.problems.length === 0);
  return (
    <section className="opt-section" aria-labelledby="opt-preview-title">
      <div className="opt-section-head">
        <h2 id="opt-preview-title">Preview</h2>
        <p className="opt-muted">Nothing is saved yet.</p>
      </div>
      <ul className="opt-summary" aria-label="Summary">
        <li className="opt-summary-good">
          <strong>{counts.ready.toLocaleString('en')}</strong> {plural(counts.ready, 'article')} ready to import
        </li>
        {counts.packEntities > 0 && (
          <li className="opt-summary-good">
            <strong>{counts.packEntities.toLocaleString('en')}</strong>{' '}
            {plural(counts.packEntities, 'entity', 'entities')} in corpus packs
          </li>
        )}
        <li className={counts.duplicates ? 'opt-summary-note' : 'opt-summary-plain'}>
          <strong>{counts.duplicates.toLocaleString('en')}</strong> {plural(counts.duplicates, 'duplicate')} to skip
        </li>
        <li className={counts.problems ? 'opt-summary-bad' : 'opt-summary-plain'}>
          <strong>{counts.problems.toLocaleString('en')}</strong> {plural(counts.problems, 'problem')}
          {counts.rejectedFiles > 0 &&
            ` (${counts.rejectedFiles.toLocaleString('en')} ${plural(counts.rejectedFiles, 'file')} cannot be imported)`}
        </li>
      </ul>
      <div className="opt-actions opt-sticky-actions">
        <button type="button" className="opt-button opt-primary" onClick={onConfirm} disabled={!canImport}>
          {counts.ready > 0
            ? `Import ${counts.ready.toLocaleString('en')} ${plural(counts.ready, 'article')}`
            : 'Import'}
        </button>
        <button type="button" className="opt-button" onClick={onBack}>
          Cancel
        </button>
      </div>
      <ol className="opt-file-list">
        {shown.map((file, position) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two picked files can share a name; the list never reorders
          <FilePreview key={`${position}-${file.file}`} file={file} catalog={catalog}>
            {packEffects?.(position)}
          </FilePreview>
        ))}
      </ol>
      {files.length > shown.length && (
        <button type="button" className="opt-button opt-link-button" onClick={() => setShowAll(true)}>
          Show all {files.length.toLocaleString('en')} files
        </button>
      )}
    </section>
  );
}

function FilePreview({
  file,
  catalog,
  children,
}: {
  file: PreparedFile;
  catalog: ImportCatalog | undefined;
  children?: ReactNode;
}) {
  const [expanded, setExpanded] = useState(false);
  const articles = expanded ? file.articles : file.articles.slice(0, ARTICLES_SHOWN);
  const rejected = file.articles.length === 0 && file.problems.length > 0;
  return (
    <li className={`opt-file${rejected ? ' opt-file-rejected' : ''}`}>
      <div className="opt-file-head">
        <span className="opt-file-name" dir="auto">
          {file.file}
        </span>
        <span className="opt-badge">{FORMAT_LABELS[file.format]}</span>
        {file.bytes > 0 && <span className="opt-muted">{formatBytes(file.bytes)}</span>}
        {file.pack && (
          <span className="opt-muted">
            {file.articles.length} {plural(file.articles.length, 'article')}
            {file.pack.entities?.length
              ? `, ${file.pack.entities.length} ${plural(file.pack.entities.length, 'entity', 'entities')}`
              : ''}
          </span>
        )}
      </div>
      {file.problems.length > 0 && <ProblemList problems={file.problems} inFile />}
      {children}
      {articles.length > 0 && (
        <ul className="opt-article-previews">
          {articles.map((prepared) => (
            <ArticlePreview key={`${prepared.place}-${prepared.article.id}`} prepared={prepared} catalog={catalog} />
          ))}
        </ul>
      )}
      {file.articles.length > articles.length && (
        <button type="button" className="opt-button opt-link-button" onClick={() => setExpanded(true)}>
          Show all {file.articles.length.toLocaleString('en')} articles of this file
        </button>
      )}
    </li>
  );
}

function ArticlePreview({ prepared, catalog }: { prepared: PreparedArticle; catalog: ImportCatalog | undefined }) {
  const { article, duplicate, entityIds } = prepared;
  const words = article.text.split(/\s+/).length;
  const names = entityIds.map((id) => catalog?.entityById.get(id)).filter((entity) => entity !== undefined);
  return (
    <li className={`opt-article-preview${duplicate ? ' opt-duplicate' : ''}`}>
      <div className="opt-article-title" dir="auto">
        {prepared.place && <span className="opt-muted">{prepared.place}: </span>}
        {article.title}
        {article.titleSource === 'ours' && <span className="opt-muted"> (title written by News Context)</span>}
      </div>
      <div className="opt-meta">
        {article.outlet === 'unknown' ? 'Outlet unknown' : article.outlet} ·{' '}
        {formatPartialDate(article.published.date, article.published.precision)} · {words.toLocaleString('en')}{' '}
        {plural(words, 'word')} · {article.language}
      </div>
      {prepared.unicodeNote && <p className="opt-note">Cleaned: {prepared.unicodeNote}.</p>}
      {duplicate ? (
        <p className="opt-note">{duplicateSentence(duplicate)} It will be skipped.</p>
      ) : names.length > 0 ? (
        <ul className="opt-chips" aria-label="Known entities it mentions">
          {names.slice(0, 8).map((entity) => (
            <li key={entity.id} className={`opt-chip opt-kind-${entity.kind}`}>
              {entity.name}
            </li>
          ))}
          {names.length > 8 && <li className="opt-chip">+{names.length - 8} more</li>}
        </ul>
      ) : (
        <p className="opt-muted">Mentions no known entity yet.</p>
      )}
    </li>
  );
}

/** "Same text as “Talks resume” in your imported articles." */
export function duplicateSentence(duplicate: Duplicate): string {
  const what = duplicate.reason === 'url' ? 'Same web address as' : 'Same text as';
  return `${what} “${duplicate.of}” in ${duplicate.where}.`;
}

/**
 * Problems, one a line. Inside a file's own box (`inFile`) the file name is
 * not repeated: "This file is not valid JSON…", "article 2 › title: is missing".
 */
export function ProblemList({
  problems,
  limit = 20,
  inFile = false,
}: {
  problems: readonly ImportProblem[];
  limit?: number;
  inFile?: boolean;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? problems : problems.slice(0, limit);
  return (
    <div className="opt-problems">
      <ul>
        {shown.map((problem, position) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: problems can repeat word for word; the list never reorders
          <li key={`${position}-${problem.field}`} dir="auto">
            {inFile
              ? problem.field === WHOLE_FILE
                ? `This file ${problem.reason}`
                : capitalized(`${problem.field}: ${problem.reason}`)
              : formatImportProblem(problem)}
          </li>
        ))}
      </ul>
      {problems.length > shown.length && (
        <button type="button" className="opt-button opt-link-button" onClick={() => setAll(true)}>
          Show all {problems.length.toLocaleString('en')} problems
        </button>
      )}
    </div>
  );
}

/** After committing: what was imported, skipped and refused, file by file. */
export function ImportResults({
  outcome,
  candidateCount,
  lookingForCandidates,
  onReviewCandidates,
  onAgain,
}: {
  outcome: BatchOutcome;
  candidateCount: number;
  lookingForCandidates: boolean;
  onReviewCandidates: () => void;
  onAgain: () => void;
}) {
  const imported = outcome.outcomes.reduce((sum, file) => sum + file.imported.length, 0);
  const duplicates = outcome.outcomes.reduce((sum, file) => sum + file.duplicates.length, 0);
  const entities = outcome.outcomes.reduce((sum, file) => sum + file.entities, 0);
  const failed = outcome.outcomes.filter((file) => file.status === 'failed');
  const withProblems = outcome.outcomes.filter((file) => file.problems.length > 0);
  const withDuplicates = outcome.outcomes.filter((file) => file.duplicates.length > 0);
  return (
    <section className="opt-section" aria-labelledby="opt-results-title">
      <h2 id="opt-results-title">{outcome.cancelled ? 'Import cancelled' : 'Import finished'}</h2>
      <p className="opt-result-line" role="status">
        {imported.toLocaleString('en')} {plural(imported, 'article')} imported
        {entities > 0 &&
          `, ${entities.toLocaleString('en')} ${plural(entities, 'entity', 'entities')} added or updated`}
        {duplicates > 0 && `, ${duplicates.toLocaleString('en')} ${plural(duplicates, 'duplicate')} skipped`}
        {failed.length > 0 && `, ${failed.length.toLocaleString('en')} ${plural(failed.length, 'file')} not saved`}.
        {imported > 0 && ' They are searchable now, and cards quote them.'}
      </p>
      {outcome.cancelled && (
        <p className="opt-note">
          Cancelled before {outcome.notAttempted.length.toLocaleString('en')}{' '}
          {plural(outcome.notAttempted.length, 'file')}: {plural(outcome.notAttempted.length, 'it was', 'they were')}{' '}
          not imported at all. Every file before them was imported completely.
        </p>
      )}
      <div className="opt-actions">
        {(candidateCount > 0 || lookingForCandidates) && (
          <button type="button" className="opt-button opt-primary" onClick={onReviewCandidates}>
            {lookingForCandidates
              ? 'Looking for new entities…'
              : `Review ${candidateCount} possible new ${plural(candidateCount, 'entity', 'entities')}`}
          </button>
        )}
        <button type="button" className="opt-button" onClick={onAgain}>
          Import more
        </button>
      </div>
      {withProblems.length > 0 && (
        <details className="opt-details" open={withProblems.length <= 5}>
          <summary>Not imported, and why</summary>
          <ProblemList problems={withProblems.flatMap((file) => file.problems)} />
        </details>
      )}
      {withDuplicates.length > 0 && (
        <details className="opt-details">
          <summary>Duplicates skipped</summary>
          <ul className="opt-plain-list">
            {withDuplicates.flatMap((file) =>
              file.duplicates.slice(0, 50).map((entry, position) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: duplicates can share a title; the list never reorders
                <li key={`${file.file}-${position}`} dir="auto">
                  {file.file}
                  {entry.place && ` › ${entry.place}`}: {duplicateSentence(entry.duplicate)}
                </li>
              )),
            )}
          </ul>
        </details>
      )}
    </section>
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}
