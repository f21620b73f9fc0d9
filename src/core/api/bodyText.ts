/**
 * A response body as text, decoded chunk by chunk as it arrives: what undici's
 * `body.text()` gives (UTF-8, a leading BOM dropped, invalid bytes replaced by
 * U+FFFD), without decoding the whole body in one go at its end, which for a
 * list of 50,000 secrets (11.6 MiB) was one of the longest slices of a refresh.
 */
export async function decodedText(body: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of body) {
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
