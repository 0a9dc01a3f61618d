// UTF-8 TextDecoder/TextEncoder for the wasm-bindgen glue: the host's when it
// has them, else a small fallback (Jest's jsdom environment has neither, and
// the glue creates a decoder while the module evaluates). The build puts
// `import { TextDecoder, TextEncoder } from "./text-codec.js"` at the top of
// the glue, so the glue never touches a missing global.
class FallbackTextDecoder {
  decode(input) {
    if (input === undefined) return "";
    const bytes = input instanceof Uint8Array ? input : new Uint8Array(input.buffer ?? input);
    let out = "";
    let chunk = [];
    for (let i = 0; i < bytes.length; ) {
      const b = bytes[i];
      let cp;
      let n;
      if (b < 0x80) (cp = b), (n = 1);
      else if (b >= 0xc2 && b < 0xe0) (cp = b & 0x1f), (n = 2);
      else if (b >= 0xe0 && b < 0xf0) (cp = b & 0x0f), (n = 3);
      else if (b >= 0xf0 && b < 0xf5) (cp = b & 0x07), (n = 4);
      else throw new TypeError("The encoded data was not valid UTF-8");
      if (i + n > bytes.length) throw new TypeError("The encoded data was not valid UTF-8");
      for (let k = 1; k < n; k++) {
        const c = bytes[i + k];
        if ((c & 0xc0) !== 0x80) throw new TypeError("The encoded data was not valid UTF-8");
        cp = (cp << 6) | (c & 0x3f);
      }
      if ((n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff))) {
        throw new TypeError("The encoded data was not valid UTF-8");
      }
      i += n;
      if (cp > 0xffff) {
        cp -= 0x10000;
        chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
      } else chunk.push(cp);
      if (chunk.length > 8192) (out += String.fromCharCode(...chunk)), (chunk = []);
    }
    return out + String.fromCharCode(...chunk);
  }
}

function utf8(str) {
  const out = [];
  for (let i = 0; i < str.length; i++) {
    let cp = str.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < str.length) {
      const lo = str.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) (cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00)), i++;
    }
    if (cp >= 0xd800 && cp < 0xe000) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return new Uint8Array(out);
}

class FallbackTextEncoder {
  get encoding() {
    return "utf-8";
  }
  encode(str = "") {
    return utf8(String(str));
  }
  encodeInto(str, view) {
    // Whole code points only, as the standard method does.
    let read = 0;
    let written = 0;
    for (const ch of String(str)) {
      const bytes = utf8(ch);
      if (written + bytes.length > view.length) break;
      view.set(bytes, written);
      written += bytes.length;
      read += ch.length;
    }
    return { read, written };
  }
}

const TextDecoder = typeof globalThis.TextDecoder === "function" ? globalThis.TextDecoder : FallbackTextDecoder;
const TextEncoder = typeof globalThis.TextEncoder === "function" ? globalThis.TextEncoder : FallbackTextEncoder;

export { TextDecoder, TextEncoder };
