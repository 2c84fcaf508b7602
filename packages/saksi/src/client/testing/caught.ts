/** What a promise rejects with, or undefined when it resolves (test-only). */
export const caught = async (p: Promise<unknown>): Promise<unknown> => p.then(() => undefined, (e: unknown) => e)
