/**
 * One benchmark suite, in its own file under `src/suites/`: it measures us and what a user would
 * pick instead in the same run, and reports rows with ratios. `run.ts` runs every suite in turn.
 */
export interface Suite {
  name: string;
  /** Runs only when named (`pnpm bench build-100k`): too long for every `pnpm bench`. */
  onlyWhenNamed?: boolean;
  run(): Promise<string>;
}
