import Foundation

extension AppTestCase {
    /// A stand-in sendmail that appends its arguments and the message to `captured` and exits with `exitCode`.
    func fakeSendmail(exitCode: Int32) throws -> (script: String, captured: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ix-sendmail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let captured = directory.appendingPathComponent("mail.txt").path
        let script = directory.appendingPathComponent("sendmail").path
        try "#!/bin/sh\necho \"$@\" >> \(captured)\ncat >> \(captured)\nexit \(exitCode)\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        return (script, captured)
    }
}
