/** One word of a shell command after quote removal; `dynamic` when it holds an expansion (`$…`, backquotes). */
export interface ShellWord {
  text: string;
  dynamic: boolean;
}

/**
 * The words of a bash script that is exactly one simple command (redirections, comments and blank lines
 * allowed; redirection targets dropped), after quote removal as bash does it (Bash Reference Manual §3.1.2,
 * §3.6). Undefined for anything else — several commands (`;`, `&&`, `||`, a newline between commands), a
 * pipeline, a background job, a subshell or `$(…)`, a here-document, unbalanced quotes — since which
 * program trains is then not the first word's.
 */
export function singleCommandWords(script: string): ShellWord[] | undefined {
  const words: ShellWord[] = [];
  let text: string | null = null;
  let dynamic = false;
  let ended = false;
  let dropNext = false;
  const finish = (): boolean => {
    if (text === null) return true;
    if (ended) return false;
    if (dropNext) dropNext = false;
    else words.push({ text, dynamic });
    text = null;
    dynamic = false;
    return true;
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c === " " || c === "\t") {
      if (!finish()) return undefined;
    } else if (c === "\n" || c === ";") {
      if (!finish() || dropNext) return undefined;
      if (words.length > 0) ended = true;
    } else if (c === "#" && text === null) {
      while (i + 1 < script.length && script[i + 1] !== "\n") i++;
    } else if (c === "\\") {
      if (script[i + 1] !== "\n") text = (text ?? "") + (script[i + 1] ?? "");
      i++;
    } else if (c === "'") {
      const end = script.indexOf("'", i + 1);
      if (end < 0) return undefined;
      text = (text ?? "") + script.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let value = "";
      for (i++; i < script.length && script[i] !== '"'; i++) {
        if (script[i] === "\\" && '$`"\\\n'.includes(script[i + 1] ?? ""))
          value += script[++i] === "\n" ? "" : script[i];
        else {
          if (script[i] === "$" || script[i] === "`") dynamic = true;
          value += script[i];
        }
      }
      if (i >= script.length) return undefined;
      text = (text ?? "") + value;
    } else if (c === "<" || c === ">" || (c === "&" && script[i + 1] === ">")) {
      // A redirection: an all-digit word right before it is its file descriptor; the next word is its target.
      if (text !== null && /^\d+$/.test(text) && !dynamic) text = null;
      if (!finish() || dropNext || script.startsWith("<<", i)) return undefined;
      while (i + 1 < script.length && "<>&|".includes(script[i + 1]!)) i++;
      dropNext = true;
    } else if ("|&()".includes(c)) {
      return undefined;
    } else {
      if (c === "$" || c === "`") dynamic = true;
      text = (text ?? "") + c;
    }
  }
  if (!finish() || dropNext || words.length === 0) return undefined;
  return words;
}
