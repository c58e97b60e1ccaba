import CZlib
import Foundation

/// Complete lines read from a file or standard input in fixed-size chunks, so memory never grows with the file.
/// Gzipped input (found by its magic bytes, several members allowed) is inflated on the way.
///
/// Bytes are read straight into the buffer a batch will own, and a batch's buffer, once its caller lets go of it,
/// takes the next read: fresh megabytes per batch would each be faulted in by the kernel again.
public struct LineReader {
    /// The complete lines of one chunk: their bytes and where each starts and ends, with its line number.
    public struct Batch: Sendable {
        public let bytes: [UInt8]
        public let lines: [(range: Range<Int>, number: Int)]

        public func withLine<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
            try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[lines[index].range])) }
        }
    }

    public struct ReadError: Error, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case cannotInflate, truncatedGzip, damagedGzip, cannotRead
        }

        public let kind: Kind
        public let description: String
    }

    var source: any ChunkSource
    let chunkSize: Int
    /// The unfinished last line, then the bytes read after it.
    private var buffer: [UInt8] = []
    /// The storage of the batch handed out last, for the next read once nothing else holds it.
    private var spare: [UInt8] = []
    private var number = 0
    private var finished = false

    /// Bytes read from the file so far (compressed bytes for gzip), for progress.
    public var bytesRead: Int { source.bytesRead }

    public init(_ handle: FileHandle, chunkSize: Int = 1 << 20) throws(ReadError) {
        self.chunkSize = chunkSize
        let plain = try PlainSource(handle: handle, chunkSize: chunkSize)
        source = plain.startsWithGzipMagic ? try GzipSource(plain) : plain
    }

    /// Calls `body` with each batch of complete lines, in order. Blank lines are skipped but counted; a trailing
    /// carriage return is dropped; a last line without a newline is still read.
    public mutating func forEachBatch(_ body: (Batch) throws -> Void) throws {
        while let batch = try nextBatch() {
            try body(batch)
            recycle(batch)
        }
    }

    /// Hands a batch's storage back once its caller is done with it; it is reused only if nothing else holds it.
    public mutating func recycle(_ batch: Batch) { spare = batch.bytes }

    /// The next batch of complete lines, or nil at the end of the file, for callers that must wait between batches.
    public mutating func nextBatch() throws -> Batch? {
        while !finished {
            let before = buffer.count
            buffer.reserveCapacity(before + chunkSize)
            guard try source.read(appendingTo: &buffer, upTo: chunkSize) > 0 else {
                finished = true
                guard !buffer.isEmpty else { return nil }
                let last = buffer
                buffer = []
                return Self.batch(last, numberingFrom: &number)
            }
            guard let lastNewline = buffer[before...].lastIndex(of: 0x0A) else { continue }
            // The complete lines keep the buffer they were read into; only the unfinished tail is copied.
            var next = spare
            spare = []
            next.removeAll(keepingCapacity: true)
            next.append(contentsOf: buffer[(lastNewline + 1)...])
            buffer.removeSubrange((lastNewline + 1)...)
            let complete = buffer
            buffer = next
            return Self.batch(complete, numberingFrom: &number)
        }
        return nil
    }

    /// Line by line, for callers that do not batch.
    public mutating func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        try forEachBatch { batch in
            for index in batch.lines.indices { try batch.withLine(index) { try body($0, batch.lines[index].number) } }
        }
    }

    static func batch(_ bytes: [UInt8], numberingFrom number: inout Int) -> Batch {
        var lines: [(Range<Int>, Int)] = []
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            while start < buffer.count {
                let newline = Self.firstNewline(in: buffer, from: start)
                number += 1
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                if buffer[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) { lines.append((start..<end, number)) }
                start = newline + 1
            }
        }
        return Batch(bytes: bytes, lines: lines)
    }

    private static func firstNewline(in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = buffer.baseAddress, let found = memchr(base + start, 0x0A, buffer.count - start) else { return buffer.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}

protocol ChunkSource {
    var bytesRead: Int { get }
    /// Appends up to `count` bytes to `buffer`; returns how many, 0 at the end of the input.
    mutating func read(appendingTo buffer: inout [UInt8], upTo count: Int) throws(LineReader.ReadError) -> Int
}

/// Bytes as they are in the file, read with `read(2)` into the caller's buffer.
struct PlainSource: ChunkSource {
    /// Held so that the descriptor stays open as long as the reader.
    let handle: FileHandle
    let descriptor: Int32
    let chunkSize: Int
    /// The first bytes, read early to look for gzip's magic number, and not yet handed out.
    var first: [UInt8]?
    private(set) var bytesRead = 0

    init(handle: FileHandle, chunkSize: Int) throws(LineReader.ReadError) {
        self.handle = handle
        descriptor = handle.fileDescriptor
        self.chunkSize = chunkSize
        var head: [UInt8] = []
        head.reserveCapacity(chunkSize)
        _ = try Self.read(descriptor, appendingTo: &head, upTo: chunkSize)
        first = head
    }

    var startsWithGzipMagic: Bool { first?.starts(with: [0x1F, 0x8B]) ?? false }

    mutating func read(appendingTo buffer: inout [UInt8], upTo count: Int) throws(LineReader.ReadError) -> Int {
        if let head = first {
            first = nil
            if !head.isEmpty {
                buffer.append(contentsOf: head)
                bytesRead += head.count
                return head.count
            }
        }
        let got = try Self.read(descriptor, appendingTo: &buffer, upTo: count)
        bytesRead += got
        return got
    }

    /// Reads until `count` bytes or the end of the input, so a pipe's short reads do not make short batches.
    static func read(_ descriptor: Int32, appendingTo buffer: inout [UInt8], upTo count: Int) throws(LineReader.ReadError) -> Int {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: count))
        var got = 0
        var failure: Int32 = 0
        buffer.withUnsafeMutableBytes { bytes in
            while got < count {
                let n = Foundation.read(descriptor, bytes.baseAddress! + start + got, count - got)
                if n > 0 { got += n; continue }
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = errno }
                break
            }
        }
        buffer.removeLast(count - got)
        guard failure == 0 else { throw LineReader.ReadError(kind: .cannotRead, description: "the file cannot be read (error \(failure))") }
        return got
    }
}

/// Inflates gzip members one after another with zlib.
final class GzipSource: ChunkSource {
    var input: PlainSource
    var stream = z_stream()
    /// Compressed bytes, reused for every read.
    var buffer: [UInt8] = []
    var consumed = 0
    /// Inside a member: input ending here means the file was cut short.
    var inMember = false

    var bytesRead: Int { input.bytesRead }

    init(_ input: PlainSource) throws(LineReader.ReadError) {
        self.input = input
        // 15 window bits + 16: gzip framing only.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw LineReader.ReadError(kind: .cannotInflate, description: "cannot start gzip decompression")
        }
    }

    deinit { inflateEnd(&stream) }

    func read(appendingTo output: inout [UInt8], upTo count: Int) throws(LineReader.ReadError) -> Int {
        while true {
            if consumed == buffer.count {
                buffer.removeAll(keepingCapacity: true)
                consumed = 0
                guard try input.read(appendingTo: &buffer, upTo: input.chunkSize) > 0 else {
                    if inMember { throw LineReader.ReadError(kind: .truncatedGzip, description: "the gzip data ends early") }
                    return 0
                }
            }
            let (status, produced) = inflateStep(into: &output, upTo: count)
            switch status {
            case Z_STREAM_END:
                inflateReset(&stream)
                inMember = false
            case Z_OK, Z_BUF_ERROR:
                inMember = true
            default:
                throw LineReader.ReadError(kind: .damagedGzip, description: "the gzip data is damaged (zlib error \(status))")
            }
            if produced > 0 { return produced }
        }
    }

    /// Inflates into the end of `output`, growing it by at most `count` bytes.
    private func inflateStep(into output: inout [UInt8], upTo count: Int) -> (Int32, Int) {
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: count))
        let result = buffer.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = input.baseAddress! + consumed
                stream.avail_in = UInt32(input.count - consumed)
                stream.next_out = out.baseAddress! + start
                stream.avail_out = UInt32(count)
                let status = inflate(&stream, Z_NO_FLUSH)
                consumed = input.count - Int(stream.avail_in)
                return (status, count - Int(stream.avail_out))
            }
        }
        output.removeLast(count - result.1)
        return result
    }
}
