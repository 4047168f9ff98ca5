/**
 * Where a JSON text first goes wrong, as a line and column. `JSON.parse` errors differ between
 * engines and V8's (Chrome, Node 20) name no position at all, so a small validating scanner finds it.
 */
export interface JsonErrorLocation {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like editors count them. */
  column: number;
  /** 0-based offset into the text. */
  offset: number;
  problem: string;
}

class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {}
}

// Deeper nesting than this is no backup we wrote; stopping keeps the recursion off the stack limit.
const MAX_DEPTH = 2000;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

function describe(char: string | undefined): string {
  return char === undefined ? 'the end of the file' : JSON.stringify(char);
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  let i = 0;
  const fail = (problem: string): never => {
    throw new JsonSyntaxError(i, problem);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i++;
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string');
      const char = text.charAt(i);
      if (char === '"') {
        i++;
        return;
      }
      if (char === '\\') {
        const escaped = text.charAt(i + 1);
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in string');
          i += 6;
        } else if (ESCAPES.has(escaped)) {
          i += 2;
        } else {
          fail(`bad escape \\${escaped} in string`);
        }
      } else if (char < ' ') {
        fail('line break or control character inside a string (write it as \\n)');
      } else {
        i++;
      }
    }
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe(text.charAt(i))}`);
  };
  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    skipSpace();
    const char = text.charAt(i);
    if (i >= text.length) fail('unexpected end of the file');
    if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      i++;
      skipSpace();
      if (text.charAt(i) === close) {
        i++;
        return;
      }
      for (;;) {
        if (close === '}') {
          skipSpace();
          if (text.charAt(i) !== '"')
            fail(`expected a property name in double quotes, found ${describe(text[i])}`);
          string();
          skipSpace();
          if (text.charAt(i) !== ':')
            fail(`expected ':' after the property name, found ${describe(text[i])}`);
          i++;
        }
        value(depth + 1);
        skipSpace();
        if (text.charAt(i) === ',') {
          i++;
          continue;
        }
        if (text.charAt(i) === close) {
          i++;
          return;
        }
        fail(`expected ',' or '${close}', found ${describe(text[i])}`);
      }
    }
    if (char === '"') string();
    else if (char === 't') literal('true');
    else if (char === 'f') literal('false');
    else if (char === 'n') literal('null');
    else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) fail(`unexpected ${describe(char)}`);
      i = NUMBER.lastIndex;
    }
  };

  try {
    value(0);
    skipSpace();
    if (i < text.length) fail(`unexpected ${describe(text[i])} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    return { line, column, offset: error.offset, problem: error.problem };
  }
}
