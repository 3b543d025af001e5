/** A mistake in the extensions' sources, where it is: what `yarn dev` prints instead of swapping the bundle in. */
export interface SourceProblem {
  /** Absolute path of the source file; undefined when the problem has no place (a compiler option, a missing entry). */
  readonly file: string | undefined;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly message: string;
}
