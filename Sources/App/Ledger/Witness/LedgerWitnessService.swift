import AuditLog
import ExchangeCore
import Fluent
import Foundation

/// The witnesses the ledger publishes cosignatures from, and the cosignatures themselves. A witness checks each
/// new checkpoint against the last it saw and sends back its cosignature; the ledger checks the signature against
/// the witness's registered key and the checkpoint against its own tree before keeping it.
struct LedgerWitnessService: Sendable {
    let db: Database
    let audit: AuditLogService
    let log: LedgerLog

    func register(verifierKey text: String, actor: AuditActor) async throws -> LedgerWitnessRecord {
        guard let key = NoteKey(verifierKey: text.trimmingCharacters(in: .whitespacesAndNewlines)), key.algorithm == .cosignatureV1 else {
            throw AppError.validation([FieldError("verifierKey", .invalidIdentifier)])
        }
        return try await audit.transaction(on: db, actor: actor) { scope in
            guard try await LedgerWitnessRecord.query(on: scope.db).filter(\.$name == key.name).first() == nil else {
                throw AppError.conflict(code: "ledger_witness_registered")
            }
            let record = LedgerWitnessRecord()
            record.id = UUID()
            record.name = key.name
            record.verifierKey = key.verifierKey
            record.registeredAt = Date()
            try await record.create(on: scope.db)
            try await scope.record(.ledgerWitnessRegister, .ledgerWitness(key.name), changes: ["verifier_key": key.verifierKey])
            return record
        }
    }

    func witnesses() async throws -> [LedgerWitnessRecord] {
        try await LedgerWitnessRecord.query(on: db).sort(\.$name).all()
    }

    /// Keeps every registered witness's valid cosignature in `note`; the same cosignature sent again is kept once.
    /// Returns how many were new.
    func add(cosigned text: String) async throws -> Int {
        let note: SignedNote
        let checkpoint: TlogCheckpoint
        do {
            note = try SignedNote.parse(text)
            checkpoint = try TlogCheckpoint(text: note.text)
        } catch {
            throw AppError.unprocessable(code: "ledger_note_malformed")
        }
        let reader = LedgerTileReader(db: db)
        guard checkpoint.origin == log.origin, checkpoint.treeSize > 0, checkpoint.treeSize <= (try await reader.size()),
              try await reader.checkpointText(size: checkpoint.treeSize, origin: log.origin) == note.text else {
            throw AppError.conflict(code: "ledger_checkpoint_unknown")
        }
        let verified = try await witnesses().compactMap { witness -> (LedgerWitnessRecord, SignedNote.Signature)? in
            guard let key = NoteKey(verifierKey: witness.verifierKey), let line = note.verifiedSignature(by: key) else { return nil }
            return (witness, line)
        }
        guard !verified.isEmpty else { throw AppError.forbiddenUntil(code: "ledger_cosignature_unverified") }
        return try await audit.transactionIfChanged(on: db, actor: .system("witness")) { scope in
            var added = 0
            for (witness, line) in verified {
                let size = Int64(checkpoint.treeSize)
                guard try await LedgerCosignatureRecord.query(on: scope.db).filter(\.$witness.$id == witness.requireID())
                    .filter(\.$treeSize == size).first() == nil else { continue }
                let record = LedgerCosignatureRecord()
                record.id = UUID()
                record.$witness.id = try witness.requireID()
                record.treeSize = size
                record.signatureLine = String(line.line.dropLast())
                record.cosignedAt = Int64(Cosignature.timestamp(of: line) ?? 0)
                try await record.create(on: scope.db)
                try await scope.record(.ledgerCosign, .ledgerWitness(witness.name), changes: ["tree_size": String(size)])
                added += 1
            }
            if added == 0 { throw AuditLogService.NothingToChange() }
            return added
        } ?? 0
    }
}
