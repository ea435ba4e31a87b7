/** One ```ts block of the README, with the heading it sits under and its first line (1-based). */
export interface ReadmeExampleBlock {
  readonly heading: string;
  readonly line: number;
  readonly code: string;
}

/** The README's ```ts blocks, in order. */
export function readmeExamples(readme: string): ReadmeExampleBlock[];
