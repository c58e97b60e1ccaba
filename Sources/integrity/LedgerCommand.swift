import App
import ArgumentParser
import Foundation

struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The procurement ledger: signing keys, signed events, and verifying a ledger from outside.",
        discussion: "docs/ledger.md describes the events, the gate rules and the tiled-log API.",
        subcommands: [Keygen.self, Sign.self, RegisterKey.self, PublicKey.self, Verify.self, Bench.self])

    struct Keygen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an Ed25519 signing key for an organisation; prints its public key and key id.")

        @Argument(help: "The file for the private key (written with mode 0600; it must not exist).") var file: String

        func run() async throws {
            do {
                let (publicKey, keyID) = try Platform.ledgerKeygen(path: file)
                print("public key: \(publicKey)\nkey id:     \(keyID)")
            } catch let error as Platform.CommandError { throw ValidationError(error.description) }
        }
    }

    struct Sign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign an event (a JSON file) and print the body for POST /api/v1/ledger/entries.")

        @Argument(help: "The event's JSON file; its bytes are signed as they stand.") var event: String
        @Option(help: "The organisation the key is registered to.") var organisation: String
        @Option(help: "The private key file from `integrity ledger keygen`.") var key: String

        func run() async throws {
            guard let organisation = UUID(uuidString: organisation) else { throw ValidationError("--organisation is not an id") }
            guard let data = FileManager.default.contents(atPath: event) else { throw ValidationError("cannot read \(event)") }
            var text = String(decoding: data, as: UTF8.self)
            while text.hasSuffix("\n") { text.removeLast() }
            print(try Platform.ledgerSign(event: text, organisation: organisation, keyPath: key))
        }
    }

    struct RegisterKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "register-key", abstract: "Register an organisation's public key in this installation's ledger.")

        @Option(help: "The organisation's id.") var organisation: String
        @Option(name: .customLong("public-key"), help: "The raw Ed25519 public key, base64.") var publicKey: String

        func run() async throws {
            guard let organisation = UUID(uuidString: organisation) else { throw ValidationError("--organisation is not an id") }
            let keyID = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                do { return try await Platform.ledgerRegisterKey(app, organisation: organisation, publicKey: publicKey) } catch let error as Platform.CommandError {
                    throw ValidationError(error.description)
                }
            }
            print("Registered key \(keyID).")
        }
    }

    struct PublicKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "public-key", abstract: "Print this installation's ledger verifier key, for clients and witnesses (`--log-key`).")

        func run() async throws {
            print(try await Bootstrap.withApplication(try Bootstrap.configuration()) { Platform.ledgerVerifierKey($0) })
        }
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify a ledger over HTTP from its checkpoint, entry bundles and published keys; exits 1 when anything fails.")

        @Option(help: "The platform's address, such as https://integrity.example.org.") var url: String
        @Option(name: .customLong("log-key"), help: "The log's verifier key (`integrity ledger public-key`).") var logKey: String
        @Option(name: .customLong("witness"), help: "A witness's verifier key; repeat for each.") var witnesses: [String] = []
        @Option(help: "How many of the witnesses must have cosigned the checkpoint.") var quorum = 0
        @Flag(name: .customLong("no-signatures"), help: "Check the tree and the gate rules only, not each entry's signature.") var noSignatures = false

        func run() async throws {
            let result: Platform.LedgerVerification
            do {
                result = try await Platform.verifyLedger(url: url, logKey: logKey, witnesses: witnesses, quorum: quorum, signatures: !noSignatures)
            } catch let error as Platform.CommandError { throw ValidationError(error.description) }
            if result.failures.isEmpty {
                print("Ledger intact: \(result.entries) entries, root \(result.root), cosigned by \(result.cosignatures.isEmpty ? "no witness" : result.cosignatures.joined(separator: ", ")).")
            } else {
                print(result.failures.joined(separator: "\n"))
                throw ExitCode(1)
            }
        }
    }

    struct Bench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure appends per second on this installation's database, and a client's verification of generated tiles.")

        @Option(help: "Entries to append.") var appends = 5_000
        @Option(help: "Entries for the verification from tiles.") var entries = 1_000_000

        func run() async throws {
            let report = try await Bootstrap.withApplication(try Bootstrap.configuration()) { app in
                try await Platform.ledgerBenchmark(app, appends: appends, verifyEntries: entries)
            }
            print(report)
        }
    }
}

struct WitnessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "Witness a ledger: check its newest checkpoint is consistent with the last one seen, cosign it, and send the cosignature.",
        discussion: "Run it on a schedule, on another machine. The first run creates the key and prints nothing else; register the key with `--print-key` output on the platform (administrators).")

    @Option(help: "The platform's address.") var url: String?
    @Option(name: .customLong("log-key"), help: "The log's verifier key.") var logKey: String?
    @Option(help: "The witness's name, such as witness.example.org/w1.") var name: String
    @Option(help: "The witness's private key file (created on first use, mode 0600).") var key: String
    @Option(help: "Where the witness keeps the last checkpoint it saw.") var state = "witness-state.json"
    @Flag(name: .customLong("print-key"), help: "Print the witness's verifier key and stop.") var printKey = false
    @Flag(name: .customLong("no-submit"), help: "Check and cosign, but do not send the cosignature.") var noSubmit = false

    func run() async throws {
        do {
            if printKey { print(try Platform.witnessVerifierKey(name: name, keyPath: key)); return }
            guard let url, let logKey else { throw ValidationError("--url and --log-key are required to witness") }
            print(try await Platform.witness(url: url, logKey: logKey, name: name, keyPath: key, statePath: state, submit: !noSubmit))
        } catch let error as Platform.CommandError {
            throw ValidationError(error.description)
        } catch let refusal as LedgerWitness.Refusal {
            FileHandle.standardError.write(Data("Refused to cosign: \(refusal.description)\n".utf8))
            throw ExitCode(2)
        }
    }
}
