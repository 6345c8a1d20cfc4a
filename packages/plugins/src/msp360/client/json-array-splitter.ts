/** The payload is not a well-formed top-level JSON array. */
export class JsonArraySplitError extends Error {
  override readonly name = "JsonArraySplitError";
}

type TState = "start" | "firstElement" | "element" | "inElement" | "afterElement" | "done";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BOM = 0xfeff;

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/**
 * Splits the text of one top-level JSON array, fed in chunks cut anywhere, into the
 * source text of each element, so a caller can `JSON.parse` one element at a time
 * instead of holding the whole parsed array.
 * @remarks Only the nesting is checked (strings, escapes, brackets, commas); each
 * element's own syntax is left to `JSON.parse`. An element longer than
 * `maxElementChars` is refused so one runaway value cannot exhaust memory.
 */
export class JsonArraySplitter {
  private state: TState = "start";
  private depth = 0;
  private inString = false;
  private escaped = false;
  private partial = "";
  private readonly maxElementChars: number;

  constructor(options: { maxElementChars?: number } = {}) {
    this.maxElementChars = options.maxElementChars ?? 1_000_000;
  }

  /** Feeds the next chunk; returns the elements it completed, in order. */
  push(chunk: string): string[] {
    const elements: string[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (this.state === "inElement") {
        const end = this.scanElement(code);
        if (end === "continue") continue;
        const stop = end === "includes" ? i + 1 : i;
        elements.push(this.partial + chunk.slice(start, stop));
        this.partial = "";
        this.state = "afterElement";
        if (end === "includes") continue;
      }
      if (isSpace(code) || (code === BOM && this.state === "start")) continue;
      if (this.structural(code) === "inElement") {
        start = i;
        // The first character opens the element; a closing bracket or comma cannot.
        if (this.scanElement(code) !== "continue") throw new JsonArraySplitError("the JSON array has an empty element");
      }
    }
    if (this.state === "inElement") {
      this.partial += chunk.slice(start);
      if (this.partial.length > this.maxElementChars) {
        throw new JsonArraySplitError(`an element is longer than ${this.maxElementChars} characters`);
      }
    }
    return elements;
  }

  /** Declares the input finished; throws if the array was not closed. */
  end(): void {
    if (this.state !== "done") throw new JsonArraySplitError("the JSON array ended early");
  }

  // Moves between elements on a non-space character outside any element; returns the new state.
  private structural(code: number): TState {
    this.state = this.nextState(code);
    return this.state;
  }

  private nextState(code: number): TState {
    switch (this.state) {
      case "start":
        if (code !== OPEN_BRACKET) throw new JsonArraySplitError("the payload is not a JSON array");
        return "firstElement";
      case "firstElement":
        return code === CLOSE_BRACKET ? "done" : "inElement";
      case "element":
        if (code === CLOSE_BRACKET || code === COMMA) throw new JsonArraySplitError("the JSON array has an empty element");
        return "inElement";
      case "afterElement":
        if (code === COMMA) return "element";
        if (code === CLOSE_BRACKET) return "done";
        throw new JsonArraySplitError("the JSON array is missing a comma between elements");
      default:
        throw new JsonArraySplitError("unexpected text after the JSON array");
    }
  }

  /**
   * Advances through one character of the current element. "includes" means the element
   * ended with this character, "excludes" that this character (a delimiter after a bare
   * number or literal) is not part of it and must be read as structure.
   */
  private scanElement(code: number): "continue" | "includes" | "excludes" {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (code === BACKSLASH) this.escaped = true;
      else if (code === QUOTE) {
        this.inString = false;
        if (this.depth === 0) return "includes";
      }
      return "continue";
    }
    if (code === QUOTE) this.inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.depth++;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (this.depth === 0) return "excludes";
      this.depth--;
      if (this.depth === 0) return "includes";
    } else if (this.depth === 0 && (code === COMMA || isSpace(code))) return "excludes";
    return "continue";
  }
}
