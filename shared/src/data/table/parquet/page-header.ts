/** Thrown when a page's bytes cannot be what the Parquet format says they are; the reader names the file. */
export class ParquetPageError extends Error {}

/** Page types (parquet.thrift `PageType`). */
export const DATA_PAGE = 0;
export const DICTIONARY_PAGE = 2;
export const DATA_PAGE_V2 = 3;

/** Value encodings (parquet.thrift `Encoding`) the page decoder reads. */
export const PLAIN = 0;
export const PLAIN_DICTIONARY = 2;
export const RLE = 3;
export const RLE_DICTIONARY = 8;

/** The fields of a page header the decoder needs; absent fields are -1 (sizes) or their Thrift defaults. */
export interface PageHeader {
  type: number;
  uncompressedSize: number;
  compressedSize: number;
  /** Values in the page: rows, for a flat column (data pages), or dictionary entries. */
  values: number;
  encoding: number;
  /** Data page v1: the encoding of the definition levels (RLE; BIT_PACKED is refused). */
  definitionEncoding: number;
  /** Data page v2: the byte lengths of the (never compressed) level sections, and whether the values are compressed. */
  definitionBytes: number;
  repetitionBytes: number;
  compressed: boolean;
  /** Where the page's data starts in the bytes the header was read from. */
  dataStart: number;
}

const STOP = 0;
const TRUE = 1;
const FALSE = 2;
const BYTE = 3;
const I16 = 4;
const I32 = 5;
const I64 = 6;
const DOUBLE = 7;
const BINARY = 8;
const LIST = 9;
const SET = 10;
const MAP = 11;
const STRUCT = 12;

/**
 * Reads a page header (Thrift compact protocol, parquet.thrift `PageHeader`) starting at `offset`: the sizes and,
 * from the data page (v1 or v2) or dictionary page header, the value count, encodings and level lengths. Fields it
 * does not need (statistics, CRC, index pages) are skipped by their wire type.
 * @throws ParquetPageError when the header runs past `end` or holds an unknown wire type.
 */
export function readPageHeader(bytes: Uint8Array, offset: number, end: number): PageHeader {
  const reader = new CompactReader(bytes, offset, end);
  const header: PageHeader = {
    type: -1,
    uncompressedSize: -1,
    compressedSize: -1,
    values: -1,
    encoding: -1,
    definitionEncoding: RLE,
    definitionBytes: 0,
    repetitionBytes: 0,
    compressed: true,
    dataStart: 0,
  };
  reader.struct((field, type) => {
    if (field === 1 && type === I32) header.type = reader.int();
    else if (field === 2 && type === I32) header.uncompressedSize = reader.int();
    else if (field === 3 && type === I32) header.compressedSize = reader.int();
    else if ((field === 5 || field === 7) && type === STRUCT)
      reader.struct((inner, innerType) => {
        if (inner === 1 && innerType === I32) header.values = reader.int();
        else if (inner === 2 && innerType === I32) header.encoding = reader.int();
        else if (field === 5 && inner === 3 && innerType === I32) header.definitionEncoding = reader.int();
        else reader.skip(innerType);
      });
    else if (field === 8 && type === STRUCT)
      reader.struct((inner, innerType) => {
        if (inner === 1 && innerType === I32) header.values = reader.int();
        else if (inner === 4 && innerType === I32) header.encoding = reader.int();
        else if (inner === 5 && innerType === I32) header.definitionBytes = reader.int();
        else if (inner === 6 && innerType === I32) header.repetitionBytes = reader.int();
        else if (inner === 7 && (innerType === TRUE || innerType === FALSE)) header.compressed = innerType === TRUE;
        else reader.skip(innerType);
      });
    else reader.skip(type);
  });
  header.dataStart = reader.offset;
  return header;
}

/** A cursor over Thrift compact-protocol bytes, bounds-checked. */
class CompactReader {
  constructor(
    private readonly bytes: Uint8Array,
    public offset: number,
    private readonly end: number,
  ) {}

  /** Calls `field` with each field's id and wire type until the struct's stop byte; `field` must consume the value. */
  struct(field: (id: number, type: number) => void): void {
    let last = 0;
    for (;;) {
      const head = this.byte();
      const type = head & 0x0f;
      if (type === STOP) return;
      const delta = head >> 4;
      last = delta === 0 ? this.zigzag() : last + delta;
      field(last, type);
    }
  }

  int(): number {
    return this.zigzag();
  }

  skip(type: number): void {
    switch (type) {
      case TRUE:
      case FALSE:
        return;
      case BYTE:
        this.byte();
        return;
      case I16:
      case I32:
      case I64:
        this.varint();
        return;
      case DOUBLE:
        this.advance(8);
        return;
      case BINARY:
        this.advance(this.varint());
        return;
      case LIST:
      case SET: {
        const head = this.byte();
        const size = head >> 4 === 15 ? this.varint() : head >> 4;
        const element = head & 0x0f;
        for (let i = 0; i < size; i++) {
          if (element === TRUE || element === FALSE) this.byte();
          else this.skip(element);
        }
        return;
      }
      case MAP: {
        const size = this.varint();
        if (size === 0) return;
        const kinds = this.byte();
        for (let i = 0; i < size; i++) {
          this.skip(kinds >> 4);
          this.skip(kinds & 0x0f);
        }
        return;
      }
      case STRUCT:
        this.struct((_id, inner) => this.skip(inner));
        return;
      default:
        throw new ParquetPageError(`a page header holds an unknown Thrift type ${type}`);
    }
  }

  private byte(): number {
    if (this.offset >= this.end) throw new ParquetPageError("a page header runs past the end of its column chunk");
    return this.bytes[this.offset++]!;
  }

  private advance(count: number): void {
    if (count < 0 || this.offset + count > this.end)
      throw new ParquetPageError("a page header runs past the end of its column chunk");
    this.offset += count;
  }

  /** An unsigned varint; values past 2^53 lose precision, which only skipped fields can hold. */
  private varint(): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const byte = this.byte();
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return value;
      scale *= 128;
    }
    throw new ParquetPageError("a page header holds a varint longer than 10 bytes");
  }

  private zigzag(): number {
    const value = this.varint();
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
  }
}
