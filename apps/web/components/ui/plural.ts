/** "1 site", "3 sites": a count with its noun (regular English plurals only). */
export const plural = (count: number, noun: string) => `${count} ${count === 1 ? noun : `${noun}s`}`;
