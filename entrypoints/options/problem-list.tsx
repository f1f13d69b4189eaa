import { formatImportProblem, type ImportProblem, WHOLE_FILE } from '@/lib/model/import-problems';

/**
 * Why a form or an import could not be saved, one line per problem. A
 * problem about the whole file or form (a failed write, say) is already a
 * sentence; a field's problem names the field and the reason.
 */
export function ProblemList({ problems, wide = false }: { problems: readonly ImportProblem[]; wide?: boolean }) {
  if (problems.length === 0) return null;
  return (
    <ul className={wide ? 'opt-problems opt-span-2' : 'opt-problems'} role="alert">
      {problems.map((problem) => (
        <li key={`${problem.field}-${problem.reason}`}>
          {problem.field === WHOLE_FILE ? problem.reason : formatImportProblem(problem)}
        </li>
      ))}
    </ul>
  );
}
