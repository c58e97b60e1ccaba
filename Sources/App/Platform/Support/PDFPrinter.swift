import Foundation
import Vapor

/// Prints HTML to PDF with headless Chromium, in a scratch directory removed afterwards.
struct PDFPrinter: Sendable {
    let executable: String
    static let timeout: Duration = .seconds(60)

    enum Failure: Error {
        /// No Chromium is installed or configured (`CHROMIUM_PATH`).
        case unavailable
        case failed(status: Int32)
        case timedOut
    }

    /// The configured Chromium, or the first known name on PATH.
    init(configured: String?) throws {
        let names = configured.map { [$0] } ?? ["chromium", "chromium-browser", "google-chrome"]
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            let candidates = name.contains("/") ? [name] : directories.map { "\($0)/\(name)" }
            if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                executable = found
                return
            }
        }
        throw Failure.unavailable
    }

    /// `assets` are written beside the page, so it can link them by file name.
    func pdf(html: String, assets: [String: Data] = [:]) async throws -> Data {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("integrity-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let page = scratch.appendingPathComponent("page.html")
        let output = scratch.appendingPathComponent("page.pdf")
        try Data(html.utf8).write(to: page)
        for (name, data) in assets { try data.write(to: scratch.appendingPathComponent(name)) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(scratch.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
                             "--print-to-pdf=\(output.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let status = try await run(process)
        guard status == 0, let data = FileManager.default.contents(atPath: output.path), !data.isEmpty else {
            throw Failure.failed(status: status)
        }
        return data
    }

    private func run(_ process: Process) async throws -> Int32 {
        try await withThrowingTaskGroup(of: Int32?.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
                    do { try process.run() } catch { process.terminationHandler = nil; continuation.resume(returning: -1) }
                }
            }
            group.addTask {
                try await Task.sleep(for: Self.timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let status = first else {
                process.terminate()
                throw Failure.timedOut
            }
            return status
        }
    }
}

extension Request {
    /// A printable page (linking `print.css` by file name) as a PDF attachment; 503 with a message when Chromium
    /// is missing or fails.
    func pdfResponse(html: String, filename: String) async throws -> Response {
        let printer: PDFPrinter
        do {
            printer = try PDFPrinter(configured: application.configuration.chromiumPath)
        } catch {
            throw AppError.unavailable(code: "pdf_unavailable")
        }
        let stylesheet = try Data(contentsOf: URL(fileURLWithPath: ResourceLocation.root.path + "/Public/css/print.css"))
        let pdf: Data
        do {
            pdf = try await printer.pdf(html: html, assets: ["print.css": stylesheet])
        } catch {
            logger.error("PDF printing failed: \(String(describing: error))")
            throw AppError.unavailable(code: "pdf_failed")
        }
        var headers = HTTPHeaders()
        headers.contentType = .init(type: "application", subType: "pdf")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(data: pdf))
    }

    /// A stored file as a download that browsers will not try to interpret.
    func attachment(_ data: Data, contentType: String, filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        let safe = String(filename.map { $0.isASCII && $0 != "\"" && $0 != "\\" && !$0.isNewline ? $0 : "_" })
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(safe)\"")
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
