/**
 * Unicode's explicit directional formatting characters (UAX #9: the embeddings and overrides U+202A–U+202E, the
 * isolates U+2066–U+2069): invisible, yet they reorder the text around them, so `model\u202Egnp.exe` displays as
 * something else than it is ("Trojan Source", CVE-2021-42574). Names from files never need them.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** Removes the bidi control characters from an untrusted string before it reaches markdown, a chart or a log line. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}
