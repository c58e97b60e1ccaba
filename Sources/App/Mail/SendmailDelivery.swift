import Fluent
import Foundation
import Vapor

/// Hands queued outbox messages to the system's sendmail, one at a time, recording each outcome in the audit log.
struct SendmailDelivery: Sendable {
    let sendmailPath: String
    let from: String

    func deliverQueued(app: Application) async throws {
        let queued = try await MailMessage.query(on: app.db).filter(\.$status == .queued).sort(\.$createdAt).limit(50).all()
        for message in queued {
            // Several servers may poll one outbox: only the one that claims a message hands it over.
            guard try await MailMessage.claim(message.id!, on: app.db) else { continue }
            let delivered = (try? await send(message, on: app.threadPool)) ?? false
            let now = app.clock.now()
            try await app.auditLog.transaction(on: app.db, actor: .system("mailer")) { scope in
                message.attempts += 1
                if delivered {
                    message.status = .sent
                    message.sentAt = now
                } else {
                    message.status = message.attempts >= 5 ? .failed : .queued
                }
                try await message.save(on: scope.db)
                try await scope.record(delivered ? .mailDelivered : .mailFailed, .mail(message.id!),
                                       changes: ["status": message.status.rawValue, "attempts": "\(message.attempts)"])
            }
        }
    }

    /// On the thread pool: waiting for sendmail blocks its thread, and tasks share threads with the event loops.
    private func send(_ message: MailMessage, on threadPool: NIOThreadPool) async throws -> Bool {
        let text = """
            From: \(from)
            To: \(message.recipient)
            Subject: \(message.subject)
            Content-Type: text/plain; charset=utf-8
            Content-Language: \(message.language.rawValue)

            \(message.body)

            """
        let path = sendmailPath
        return try await threadPool.runIfActive {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = ["-t", "-i"]
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(text.utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
    }
}

/// Polls the outbox while the server runs; stops with the application.
struct MailDeliveryLifecycle: LifecycleHandler {
    final class Box: @unchecked Sendable { var task: Task<Void, Never>? }
    let box = Box()

    func didBootAsync(_ application: Application) async throws {
        let config = application.configuration
        guard config.mailTransport == .sendmail else { return }
        let delivery = SendmailDelivery(sendmailPath: config.sendmailPath, from: config.mailFrom)
        box.task = Task {
            while !Task.isCancelled {
                do {
                    try await delivery.deliverQueued(app: application)
                } catch {
                    application.logger.warning("mail delivery pass failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
                }
                try? await Task.sleep(for: .seconds(5))
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        box.task?.cancel()
    }
}
