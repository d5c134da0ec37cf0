/**
 * Unicode's bidirectional control characters, the property Bidi_Control (UAX #9, PropList.txt): the embeddings and
 * overrides U+202A–U+202E and the isolates U+2066–U+2069, invisible yet reordering the text around them, so
 * `model\u202Egnp.exe` displays as something else than it is ("Trojan Source", CVE-2021-42574); and the implicit marks
 * U+200E, U+200F and U+061C (LRM, RLM, ALM), which move neutral characters and digits: `10\u200F-20` displays as
 * `1020-`. Names read from files never need them (right-to-left letters carry their own direction).
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Removes the bidi control characters from an untrusted string before it reaches markdown, HTML, a chart, an
 * annotation or a log line: the one place every surface strips them.
 */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}
