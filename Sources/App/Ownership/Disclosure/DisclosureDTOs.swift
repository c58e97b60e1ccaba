import BeneficialOwnership
import Foundation
import Vapor

struct DisclosureOwnerInput: Content {
    let kind: DisclosedOwner.Kind
    let name: String
    let country: String?
    /// Percent.
    let shareMinimum: Double?
    let shareMaximum: Double?
    let controls: Bool?
    let politicallyExposed: Bool?
    let identifier: String?
    /// Protected: never published.
    let birthDate: String?
    /// Protected: never published.
    let address: String?
}

struct DisclosureInput: Content {
    /// The version this replaces; 0 for the first.
    let base: Int
    let completeness: SupplierDisclosureDraft.Completeness
    let owners: [DisclosureOwnerInput]
    let reason: UnspecifiedReason?
    let reasonDescription: String?
    /// The declarant accepts the declaration of truthfulness.
    let declared: Bool

    var draft: SupplierDisclosureDraft {
        SupplierDisclosureDraft(
            completeness: completeness.rawValue,
            owners: owners.map { owner in
                .init(kind: owner.kind.rawValue, name: owner.name, country: owner.country, shareMinimum: owner.shareMinimum.map { String($0) },
                      shareMaximum: owner.shareMaximum.map { String($0) }, controls: owner.controls ?? false,
                      politicallyExposed: owner.politicallyExposed ?? false, identifier: owner.identifier, birthDate: owner.birthDate,
                      address: owner.address)
            },
            reason: reason?.rawValue, reasonDescription: reasonDescription, declared: declared)
    }
}

struct DisclosureDTO: Content {
    let organisation: UUID
    let version: Int
    let complete: Bool
    let unspecifiedReason: String?
    let unspecifiedDescription: String?
    let owners: [DisclosedOwner]
    let declaration: String
    let declaredBy: UUID
    let declaredAt: Date

    init(_ disclosure: SupplierDisclosure) {
        organisation = disclosure.$organisation.id
        version = disclosure.version
        complete = disclosure.complete
        unspecifiedReason = disclosure.unspecifiedReason
        unspecifiedDescription = disclosure.unspecifiedDescription
        owners = disclosure.declaredOwners
        declaration = disclosure.declaration
        declaredBy = disclosure.$declaredBy.id
        declaredAt = disclosure.declaredAt
    }
}

extension DisclosedOwner.Kind: CaseIterable {}
extension SupplierDisclosureDraft.Completeness: Codable {}
extension UnspecifiedReason: Codable {}
