import AuditLog
import ExchangeCore
import Foundation
import ProcurementLedger
import Vapor

/// The ledger over JSON: append and read entries, organisations' keys, witnesses and their cosignatures.
struct APILedgerController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.on(APILedgerRoute.append, use: append)
        routes.on(APILedgerRoute.entry, use: entry)
        routes.on(APILedgerRoute.procurement, use: procurement)
        routes.on(APILedgerRoute.keys, use: keys)
        routes.on(APILedgerRoute.registerKey, use: registerKey)
        routes.on(APILedgerRoute.revokeKey, use: revokeKey)
        routes.on(APILedgerRoute.witnesses, use: witnesses)
        routes.on(APILedgerRoute.registerWitness, use: registerWitness)
        routes.on(APILedgerRoute.cosign, use: cosign)
    }

    @Sendable func append(req: Request) async throws -> Response {
        let input = try req.content.decode(LedgerSubmissionInput.self)
        let receipt = try await req.registry.ledger.append(input)
        return try await LedgerReceiptDTO(receipt).encodeResponse(status: .created, for: req)
    }

    @Sendable func entry(req: Request) async throws -> LedgerEntryDTO {
        guard let index = req.parameters.get("index", as: Int64.self),
              let (record, size, proof) = try await req.registry.ledger.entry(index) else { throw AppError.notFound }
        return LedgerEntryDTO(record, treeSize: size, proof: proof)
    }

    @Sendable func procurement(req: Request) async throws -> LedgerProcurementDTO {
        guard let id = req.parameters.get("procurement"), let procurement = try await req.registry.ledger.procurement(id) else {
            throw AppError.notFound
        }
        return LedgerProcurementDTO(procurement)
    }

    @Sendable func keys(req: Request) async throws -> [LedgerKeyDTO] {
        guard let text = req.query[String.self, at: "organisation"] else {
            return try await req.registry.ledgerKeys.all().map(LedgerKeyDTO.init)
        }
        guard let organisation = UUID(uuidString: text) else { throw AppError.validation([FieldError("organisation", .invalidIdentifier)]) }
        return try await req.registry.ledgerKeys.keys(of: organisation).map(LedgerKeyDTO.init)
    }

    @Sendable func registerKey(req: Request) async throws -> Response {
        let input = try req.content.decode(LedgerKeyInput.self)
        try req.authorize(.create, .ledgerKeys(organisationID: input.organisation))
        let user = try req.requireUser()
        let record = try await req.registry.ledgerKeys.register(publicKey: input.publicKey, organisation: input.organisation,
                                                                actor: .user(try user.requireID()), userID: user.id)
        return try await LedgerKeyDTO(record).encodeResponse(status: .created, for: req)
    }

    @Sendable func revokeKey(req: Request) async throws -> LedgerKeyDTO {
        let input = try req.content.decode(LedgerKeyRevocationInput.self)
        try req.authorize(.update, .ledgerKeys(organisationID: input.organisation))
        guard let keyID = req.parameters.get("keyID") else { throw AppError.notFound }
        let record = try await req.registry.ledgerKeys.revoke(keyID: keyID, organisation: input.organisation,
                                                              actor: .user(try req.requireUser().requireID()))
        return LedgerKeyDTO(record)
    }

    @Sendable func witnesses(req: Request) async throws -> [LedgerWitnessDTO] {
        try await req.registry.ledgerWitnesses.witnesses().map(LedgerWitnessDTO.init)
    }

    @Sendable func registerWitness(req: Request) async throws -> Response {
        try req.authorize(.create, .ledgerWitnesses)
        let input = try req.content.decode(LedgerWitnessInput.self)
        let record = try await req.registry.ledgerWitnesses.register(verifierKey: input.verifierKey,
                                                                     actor: .user(try req.requireUser().requireID()))
        return try await LedgerWitnessDTO(record).encodeResponse(status: .created, for: req)
    }

    @Sendable func cosign(req: Request) async throws -> LedgerCosignatureResultDTO {
        guard let body = req.body.data, let text = body.getString(at: body.readerIndex, length: body.readableBytes) else {
            throw AppError.unprocessable(code: "ledger_note_malformed")
        }
        return LedgerCosignatureResultDTO(added: try await req.registry.ledgerWitnesses.add(cosigned: text))
    }
}

extension LedgerProcurementDTO {
    init(_ procurement: LedgerProcurement) {
        self.init(procurement: procurement.id, title: procurement.tender.title, buyer: procurement.tender.buyer,
                  deadline: Instant.format(procurement.tender.deadlineMs), incentive: procurement.tender.incentive.name,
                  bids: procurement.timeline.commitments.count, opened: procurement.timeline.offers.count,
                  awardedTo: procurement.timeline.award?.supplier, events: procurement.events.map { LedgerEntryDTO($0.record) })
    }
}
