// wordcut 0.9 ships no types: the two calls server/services/exports/thai-text.ts makes.
declare module "wordcut" {
  const wordcut: {
    /** Loads the bundled dictionaries (withDefault) and these extra words. */
    init(dictPath?: string, withDefault?: boolean, additionalWords?: string[]): void;
    /** The text with `delimiter` between its words. */
    cut(text: string, delimiter?: string): string;
  };
  export default wordcut;
}
