import { isUtf8 } from 'node:buffer';

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function invalidUtf8Offset(buf: Uint8Array): number {
  if (isUtf8(buf)) return -1;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    let n = 0;
    if (b < 0x80) n = 0;
    else if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return i;
    if (i + n >= buf.length && n > 0) return i;
    for (let k = 1; k <= n; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    if (n === 2 && b === 0xe0 && buf[i + 1]! < 0xa0) return i;
    if (n === 2 && b === 0xed && buf[i + 1]! > 0x9f) return i;
    if (n === 3 && b === 0xf0 && buf[i + 1]! < 0x90) return i;
    if (n === 3 && b === 0xf4 && buf[i + 1]! > 0x8f) return i;
    i += n + 1;
  }
  return -1;
}
