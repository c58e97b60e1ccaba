import ExchangeCore

/// The OpenAPI 3.1 description of /api/v1. A test checks that every registered API route appears here.
enum OpenAPIDocument {
    static func build(serverURL: String) -> OpenAPIValue {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "Integrity Exchange API",
                "version": "1.0.0",
                "description": "Personal API tokens (Authorization: Bearer ixp_…) act with their owner's role. Errors share one shape.",
            ],
            "servers": [["url": .string(serverURL + "/api/v1")]],
            "security": [["bearer": []]],
            "paths": withIdempotencyKey(paths),
            "components": [
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
                "parameters": ["IdempotencyKey": [
                    "name": .string(IdempotencyMiddleware.header), "in": "header", "required": false,
                    "description": "Any string the client chooses; a retry with the same key and request within 24 hours gets the first response again",
                    "schema": ["type": "string", "minLength": 1, "maxLength": 200],
                ]],
                "schemas": schemas,
                "responses": [
                    "Error": response("An error", schema: "Error"),
                ],
            ],
        ]
    }

    /// Every POST takes an `Idempotency-Key`.
    private static func withIdempotencyKey(_ paths: OpenAPIValue) -> OpenAPIValue {
        guard case .object(let items) = paths else { return paths }
        let key: OpenAPIValue = ["$ref": "#/components/parameters/IdempotencyKey"]
        return .object(items.map { path, item in
            guard case .object(let operations) = item else { return (path, item) }
            return (path, .object(operations.map { method, operation in
                guard method == "post", case .object(var fields) = operation else { return (method, operation) }
                if let index = fields.firstIndex(where: { $0.0 == "parameters" }), case .array(let existing) = fields[index].1 {
                    fields[index].1 = .array(existing + [key])
                } else {
                    fields.insert(("parameters", [key]), at: min(2, fields.count))
                }
                return (method, .object(fields))
            }))
        })
    }

    // MARK: - Paths

    private static var paths: OpenAPIValue {
        [
            "/me": ["get": operation("getMe", "The token holder's account", ok: ref("Account"))],
            "/notifications": ["get": operation("listNotifications", "The token holder's notifications", params: pageParams,
                                                ok: page(of: "Notification"))],
            "/users": ["get": operation("listUsers", "Every account (programme staff)", params: pageParams, ok: page(of: "Account"))],
            "/organisations": [
                "get": operation("listOrganisations", "Organisations (staff, evaluators, analysts)",
                                 params: pageParams + [queryParam("kind", enumOf: OrganisationKind.allCases.map(\.rawValue))],
                                 ok: page(of: "Organisation")),
                "post": operation("createOrganisation", "Add an organisation (programme staff)", body: "OrganisationInput",
                                  ok: ref("Organisation"), okStatus: "201"),
            ],
            "/organisations/{id}": [
                "parameters": [pathParam("id")],
                "get": operation("getOrganisation", "One organisation; members see only their own (others answer 404)",
                                 ok: ref("Organisation")),
                "put": operation("replaceOrganisation", "Change an organisation (staff or its members)", body: "OrganisationInput",
                                 ok: ref("Organisation")),
            ],
            "/audit/public-key": ["get": operation("getAuditPublicKey", "The Ed25519 key that signs checkpoints", ok: ref("PublicKey"), open: true)],
            "/audit/checkpoint": ["get": operation("getAuditCheckpoint", "The latest signed checkpoint, or the one at treeSize",
                                                   params: [queryParam("treeSize", integer: true)], ok: ref("Checkpoint"), open: true)],
            "/audit/entries": ["get": operation("listAuditEntries", "Entries with sequence in [start, end) (programme staff)",
                                                params: [queryParam("start", integer: true), queryParam("end", integer: true)],
                                                ok: page(of: "AuditEntry"))],
            "/audit/proofs/inclusion": ["get": operation(
                "getInclusionProof", "RFC 9162 inclusion proof of a leaf in the tree of a given size",
                params: [queryParam("leafIndex", integer: true, required: true), queryParam("treeSize", integer: true, required: true)],
                ok: ref("InclusionProof"), open: true)],
            "/audit/proofs/consistency": ["get": operation(
                "getConsistencyProof", "RFC 9162 consistency proof between two tree sizes (first ≥ 1)",
                params: [queryParam("first", integer: true, required: true), queryParam("second", integer: true, required: true)],
                ok: ref("ConsistencyProof"), open: true)],
            "/openapi.json": ["get": operation("getOpenAPI", "This document", ok: ["type": "object"], open: true)],
            "/roster/imports": ["post": operation(
                "importRoster", "Check (dryRun) or import an expert roster, all or nothing (programme staff)",
                body: "RosterImportInput", ok: ref("RosterImportReport"))],
            "/conflict-data/imports": [
                "get": operation("listConflictDataImports", "Imports of OCDS and BODS data, newest first (programme staff, analysts)",
                                 params: pageParams, ok: page(of: "ConflictDataImport")),
                "post": conflictDataUpload,
            ],
            "/red-flags/runs": [
                "get": operation("listRedFlagRuns", "The last 100 red-flag runs, newest first (programme staff, analysts)",
                                 ok: ["type": "array", "items": ref("RedFlagRun")]),
                "post": redFlagUpload,
            ],
            "/red-flags/runs/{id}": [
                "parameters": [pathParam("id")],
                "get": operation("getRedFlagRun", "A run's status and progress; once completed, flags per indicator and the 20 highest risk scores",
                                 ok: ref("RedFlagRun")),
            ],
            "/needs": [
                "get": operation("listNeeds", "Needs; public participants see their own body's", params: pageParams, ok: page(of: "Need")),
                "post": operation("createNeed", "Save a draft need (public participants for their body; programme staff for any)",
                                  body: "NeedInput", ok: ref("Need"), okStatus: "201"),
            ],
            "/needs/{id}": [
                "parameters": [pathParam("id")],
                "get": operation("getNeed", "One need; other bodies' needs answer 404", ok: ref("Need")),
            ],
            "/needs/{id}/submit": [
                "parameters": [pathParam("id")],
                "post": operation("submitNeed", "Check every rule and screen the need", ok: ref("Need")),
            ],
            "/experts": ["get": operation("listExperts", "Expert profiles (programme staff)", params: pageParams, ok: page(of: "ExpertProfile"))],
            "/experts/{id}": [
                "parameters": [pathParam("id")],
                "get": operation("getExpert", "One expert profile in full, with its screening (programme staff)", ok: ref("ExpertProfileDetail")),
            ],
            "/profile": [
                "get": operation("getOwnProfile", "The signed-in expert's profile (started or confirmed on first read)", ok: ref("ExpertProfileDetail")),
                "put": operation("saveOwnProfile", "Replace the draft profile's details; what is left out is cleared (experts)",
                                 body: "ExpertProfileInput", ok: ref("ExpertProfileDetail")),
            ],
            "/profile/letter": [
                "get": letterDownload("getOwnLetter", "Download the employer's letter (experts)"),
                "put": [
                    "operationId": "attachOwnLetter",
                    "summary": "Attach or replace the employer's letter: the raw PDF, PNG or JPEG is the body, at most 2 MB (experts)",
                    "parameters": [queryParam("filename")],
                    "requestBody": ["required": true, "content": letterContent],
                    "responses": ["200": response("The letter kept", schema: "Letter"),
                                  "422": response("Empty, too large, or not a PDF, PNG or JPEG", schema: "Error"),
                                  "401": response("Not signed in", schema: "Error"), "403": response("Not an expert", schema: "Error")],
                ],
                "delete": ["operationId": "removeOwnLetter", "summary": "Remove the employer's letter (experts)",
                           "responses": ["204": ["description": "Removed"], "404": response("No letter", schema: "Error")]],
            ],
            "/experts/{id}/letter": [
                "parameters": [pathParam("id")],
                "get": letterDownload("getExpertLetter", "Download an expert's employer's letter (programme staff)"),
            ],
            "/skills": [
                "get": operation("listSkills", "The skills taxonomy; with q, skills whose names or synonyms in any language match, best first",
                                 params: [queryParam("q", integer: false, required: false)], ok: ["type": "array", "items": ref("Skill")]),
                "post": operation("addSkill", "Add a skill; its id is made from the English name (administrators)",
                                  body: "SkillInput", ok: ref("Skill"), okStatus: "201"),
            ],
            "/skills/{skill}": [
                "parameters": [["name": "skill", "in": "path", "required": true, "schema": string]],
                "put": operation("renameSkill", "Rename a skill, with a reason; its id and group stay (administrators)",
                                 body: "SkillInput", ok: ref("Skill")),
            ],
            "/profile/submit": ["post": operation(
                "submitOwnProfile", "Screen the profile: eligible, ineligible or left for a coordinator (experts)", ok: ref("ExpertProfileDetail"))],
            "/needs/{id}/decision": [
                "parameters": [pathParam("id")],
                "post": operation("decideNeed", "Decide a need screening left for review, or override its result, with a reason (programme staff)",
                                  body: "DecisionInput", ok: ref("Need")),
            ],
            "/experts/{id}/decision": [
                "parameters": [pathParam("id")],
                "post": operation("decideExpert", "Decide an expert profile screening left for review, or override it, with a reason (programme staff)",
                                  body: "DecisionInput", ok: ref("ExpertProfile")),
            ],
            "/organisations/{id}/participation": [
                "parameters": [pathParam("id")],
                "get": operation("getParticipation", "A public body's participation and its screening (staff, evaluators, analysts, members)",
                                 ok: ref("Participation")),
                "put": operation("submitParticipation", "Attest and submit the body's participation; it is screened at once (staff, members)",
                                 body: "AttestationsInput", ok: ref("Participation")),
            ],
            "/organisations/{id}/participation/decision": [
                "parameters": [pathParam("id")],
                "post": operation("decideParticipation", "Decide a screened body's participation, or override it, with a reason (programme staff)",
                                  body: "DecisionInput", ok: ref("Participation")),
            ],
            "/needs/{id}/candidates": [
                "parameters": [pathParam("id")],
                "get": operation("rankCandidates", "Experts ranked for one need, with each score's breakdown and who was excluded why (programme staff)",
                                 params: [queryParam("top", integer: true)], ok: ref("Ranking")),
            ],
            "/matching/settings": [
                "get": operation("getMatchingSettings", "The programme's weights, unassigned penalty and alternates (programme staff)",
                                 ok: ref("MatchingSettings")),
                "put": operation("replaceMatchingSettings", "Change them, with a reason that is audited (programme staff)",
                                 body: "MatchingSettings", ok: ref("MatchingSettings")),
            ],
            "/matching/runs": [
                "get": operation("listMatchRuns", "Batch proposals, newest first (programme staff)", params: pageParams, ok: page(of: "MatchRun")),
                "post": operation("startMatchRun", "Start a batch proposal over all open, screened needs; poll its progress (programme staff)",
                                  ok: ref("MatchRun"), okStatus: "202"),
            ],
            "/matching/runs/{id}": [
                "parameters": [pathParam("id")],
                "get": operation("getMatchRun", "A batch proposal: progress while running, proposals once completed (programme staff)",
                                 ok: ref("MatchRun")),
            ],
            "/matching/proposals/{id}/decision": [
                "parameters": [pathParam("id")],
                "post": operation("decideProposal", "Confirm a proposal, or override it with a reason; an expert chosen becomes a proposed match",
                                  body: "ProposalDecisionInput", ok: ref("ProposalDecision")),
            ],
            "/matches": ["get": operation("listMatches", "Proposed matches the caller is part of (staff and evaluators: all)",
                                          ok: ["type": "array", "items": ref("Match")])],
            "/matches/{id}": [
                "parameters": [pathParam("id")],
                "get": operation("getMatch", "One match with why it was made; parties and staff only (others answer 404)", ok: ref("Match")),
            ],
            "/matches/{id}/cancel": [
                "parameters": [pathParam("id")],
                "post": operation("cancelMatch", "Cancel from any open stage with a reason both parties receive (programme staff)",
                                  body: "ReasonInput", ok: ref("Match"), conflicts: true),
            ],
            "/matches/{id}/terms": [
                "parameters": [pathParam("id")],
                "get": operation("getTerms", "Every version of the Terms of Reference, newest first, with signatures (programme staff, both parties, evaluators)",
                                 ok: ref("Terms")),
                "put": operation("saveTerms",
                                 "Save the Terms of Reference as a new version (201), or keep the current one when nothing changed (200); field errors name the builder's fields (goal_text_0, deliverable_due_1, …)",
                                 body: "TermsOfReference", ok: ref("TermsSaved"), okStatus: "201", conflicts: true),
            ],
            "/matches/{id}/terms/sign": [
                "parameters": [pathParam("id")],
                "post": operation("signTerms", "Sign the current version for your side; the third signature completes sign-off after a conflict re-check",
                                  ok: ref("Terms"), conflicts: true),
            ],
            "/matches/{id}/start": [
                "parameters": [pathParam("id")],
                "post": operation("startEngagement", "ToR signed → active, after a conflict re-check (programme staff)", ok: ref("Terms"), conflicts: true),
            ],
            "/matches/{id}/work": [
                "parameters": [pathParam("id")],
                "get": operation("getWorkspace",
                                 "A running engagement's work items, meetings with action items, messages, documents and timeline (the parties' timeline leaves out staff-only actions)",
                                 ok: ref("Workspace")),
            ],
            "/matches/{id}/work/items/{item}": [
                "parameters": [pathParam("id"), pathParam("item")],
                "put": operation("updateWorkItem", "Set a deliverable's or milestone's status (dropped needs a note); a milestone done re-checks conflicts",
                                 body: "WorkItemUpdate", ok: ref("Workspace"), conflicts: true),
            ],
            "/matches/{id}/work/actions/{action}/done": [
                "parameters": [pathParam("id"), pathParam("action")],
                "post": operation("completeActionItem", "Mark a meeting's action item done", ok: ref("Workspace"), conflicts: true),
            ],
            "/matches/{id}/meetings": [
                "parameters": [pathParam("id")],
                "post": operation("recordMeeting", "Log a meeting (not in the future) with its decisions, outcomes and action items",
                                  body: "MeetingInput", ok: ref("Workspace"), okStatus: "201", conflicts: true),
            ],
            "/matches/{id}/messages": [
                "parameters": [pathParam("id")],
                "post": operation("postMessage", "Write to everyone in the engagement", body: "MessageInput", ok: ref("Workspace"),
                                  okStatus: "201", conflicts: true),
            ],
            "/matches/{id}/documents": [
                "parameters": [pathParam("id")],
                "post": .object([
                    ("operationId", "uploadDocument"),
                    ("summary", .string("Keep a file with the engagement: the bytes as the body, the name in ?filename= (PDF, Office, OpenDocument, CSV, text, PNG, JPEG; at most \(DocumentFormat.maximumBytes / 1024 / 1024) MB)")),
                    ("parameters", .array([queryParam("filename", required: true)])),
                    ("requestBody", ["required": true, "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]]),
                    ("responses", .object([("201", ["description": "Kept", "content": ["application/json": ["schema": ref("Document")]]])]
                        + ["400", "401", "403", "404", "409", "413", "422"].map { ($0, .object([("$ref", "#/components/responses/Error")])) })),
                ]),
            ],
            "/matches/{id}/documents/{document}": [
                "parameters": [pathParam("id"), pathParam("document")],
                "get": .object([
                    ("operationId", "downloadDocument"), ("summary", "The file as it was uploaded"),
                    ("responses", .object([("200", ["description": "The file", "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]]])]
                        + ["401", "403", "404"].map { ($0, .object([("$ref", "#/components/responses/Error")])) })),
                ]),
            ],
            "/matches/{id}/evaluations": [
                "parameters": [pathParam("id")],
                "get": operation("listEvaluations", "Each evaluation round with its questionnaire as sent; staff and evaluators see every response, a party its own",
                                 ok: ["type": "array", "items": ref("EvaluationRound")]),
            ],
            "/matches/{id}/evaluations/{stage}": [
                "parameters": [pathParam("id"), pathParam("stage")],
                "post": operation("answerEvaluation",
                                  "Answer the stage's questionnaire once, as a party (field errors name question ids); both sides answering the closing round completes post-evaluations",
                                  body: "EvaluationAnswers", ok: ["type": "object"], okStatus: "201", conflicts: true),
            ],
            "/matches/{id}/closing": [
                "parameters": [pathParam("id")],
                "post": operation("beginClosing", "Active → closing; the closing questionnaires go out (programme staff)", ok: ref("EngagementStage"), conflicts: true),
            ],
            "/matches/{id}/close": [
                "parameters": [pathParam("id")],
                "post": operation("closeEngagement", "Closing → closed; without both sides' closing evaluations only with overrideReason (programme staff)",
                                  body: "CloseInput", ok: ref("EngagementStage"), conflicts: true),
            ],
            "/matches/{id}/extend": [
                "parameters": [pathParam("id")],
                "post": operation("extendEngagement", "More months with a reason, never past six in all (programme staff)",
                                  body: "ExtendInput", ok: ref("EngagementStage"), conflicts: true),
            ],
            "/programme/kpis": ["get": operation("getProgrammeKPIs", "KPIs 1–3 from live data (staff, evaluators, analysts)", ok: ref("KPIs"))],
            "/matches/{id}/report": [
                "parameters": [pathParam("id")],
                "get": operation("getClosingReport", "The closing report, each item's consents and what is published", ok: ref("ClosingReport")),
                "put": operation("saveClosingReport", "Write the report while closing or after (staff and both parties)", body: "ClosingReportInput",
                                 ok: ref("ClosingReport"), conflicts: true),
            ],
            "/matches/{id}/report/consent": [
                "parameters": [pathParam("id")],
                "put": operation("setPublicationConsent", "Your side's consent, as the full list of items it agrees to publish; withdrawn items leave the public pages",
                                 body: "ConsentInput", ok: ref("ClosingReport")),
            ],
            "/matches/{id}/publication": [
                "parameters": [pathParam("id")],
                "put": operation("publishExchange", "Publish a closed exchange's redacted texts, only for items both sides consented to (programme staff)",
                                 body: "PublishInput", ok: ref("ClosingReport"), conflicts: true),
            ],
            "/public/exchanges": ["get": operation("listPublishedExchanges", "Published exchanges, as the public pages show them", ok: [
                "type": "array", "items": object(["match", "title", "texts", "publishedAt"], [
                    ("match", ["type": "string", "format": "uuid"]), ("title", string),
                    ("texts", ["type": "object", "additionalProperties": string]), ("publishedAt", ["type": "string", "format": "date-time"]),
                ]),
            ], open: true)],
            "/matches/{id}/concerns": [
                "parameters": [pathParam("id")],
                "post": operation("reportMarketingConcern",
                                  "Report that someone promoted or sold something in the exchange (either party); only programme staff see the report and the reporter",
                                  body: "MarketingConcernInput", ok: ref("MarketingConcernReceipt"), okStatus: "201", conflicts: true),
                "get": operation("listMarketingConcerns", "Every concern on the match, with its reporter (programme staff)",
                                 ok: ["type": "array", "items": ref("MarketingConcern")]),
            ],
            "/matches/{id}/concerns/{concern}/decision": [
                "parameters": [pathParam("id"), pathParam("concern")],
                "post": operation("decideMarketingConcern",
                                  "Dismiss, warn (both parties are told), or cancel the match with an alternate from the original proposal (programme staff)",
                                  body: "MarketingConcernDecisionInput", ok: ref("MarketingConcern"), conflicts: true),
            ],
            "/matches/{id}/due-diligence": [
                "parameters": [pathParam("id")],
                "get": operation("getDueDiligence", "Checklist, declarations, conflict signals with evidence, and decisions (programme staff)",
                                 ok: ref("DueDiligence")),
            ],
            "/matches/{id}/due-diligence/open": [
                "parameters": [pathParam("id")],
                "post": operation("openDueDiligence", "Move a proposed match into due diligence; both parties are asked to declare (programme staff)",
                                  ok: ref("DueDiligence"), conflicts: true),
            ],
            "/matches/{id}/due-diligence/checklist/{item}": [
                "parameters": [pathParam("id"), ["name": "item", "in": "path", "required": true,
                                                 "schema": enumeration(DueDiligenceItem.allCases.map(\.rawValue))]],
                "put": operation("recordChecklistItem", "Record one checklist item with its evidence while due diligence is open (programme staff)",
                                 body: "ChecklistItemInput", ok: ref("ChecklistItem"), conflicts: true),
            ],
            "/matches/{id}/due-diligence/decision": [
                "parameters": [pathParam("id")],
                "post": operation("decideDueDiligence",
                                  "Clear, request a waiver (mitigated: a second coordinator approves) or reject, optionally proposing an alternate (programme staff)",
                                  body: "DueDiligenceDecisionInput", ok: ref("DueDiligence"), conflicts: true),
            ],
            "/matches/{id}/due-diligence/waiver": [
                "parameters": [pathParam("id")],
                "post": operation("answerWaiver", "Approve or decline a requested waiver; the requester cannot (programme staff)",
                                  body: "WaiverInput", ok: ref("DueDiligence"), conflicts: true),
            ],
            "/matches/{id}/declaration": [
                "parameters": [pathParam("id")],
                "get": operation("getOwnDeclaration", "The caller's own conflict-of-interest declaration (the match's parties)",
                                 ok: ref("Declaration")),
                "put": operation("fileDeclaration", "File or replace the caller's declaration; a new conflict reopens cleared due diligence",
                                 body: "DeclarationInput", ok: ref("Declaration"), conflicts: true),
            ],
            "/opportunities": ["get": operation("listOpportunities", "Open needs the expert can mark interest in or decline (experts)",
                                                ok: ["type": "array", "items": ref("Opportunity")])],
            "/opportunities/{id}": [
                "parameters": [pathParam("id")],
                "put": operation("setInterest", "Mark interest in a need, decline it, or neither (experts)", body: "InterestInput",
                                 ok: ["type": "null"], okStatus: "204"),
            ],
        ]
    }

    private static func operation(
        _ id: String, _ summary: String, params: [OpenAPIValue] = [], body: String? = nil, content: OpenAPIValue? = nil,
        ok: OpenAPIValue, okStatus: String = "200", open: Bool = false, conflicts: Bool = false, tooLarge: Bool = false
    ) -> OpenAPIValue {
        var pairs: [(String, OpenAPIValue)] = [("operationId", .string(id)), ("summary", .string(summary))]
        if !params.isEmpty { pairs.append(("parameters", .array(params))) }
        if let content = content ?? body.map({ ["application/json": ["schema": ref($0)]] }) {
            pairs.append(("requestBody", ["required": true, "content": content]))
        }
        if open { pairs.append(("security", [])) }
        var responses: [(String, OpenAPIValue)] = [(okStatus, ["description": "Success", "content": ["application/json": ["schema": ok]]])]
        let errors = (open ? ["400", "404", "422"] : ["400", "401", "403", "404", "422"]) + (conflicts ? ["409"] : []) + (tooLarge ? ["413"] : [])
        responses += errors.map { ($0, .object([("$ref", "#/components/responses/Error")])) }
        pairs.append(("responses", .object(responses)))
        return .object(pairs)
    }

    /// The file as the body, streamed (query: its name and settings), or small text in JSON.
    private static var redFlagUpload: OpenAPIValue {
        let file: OpenAPIValue = ["schema": ["type": "string", "format": "binary"]]
        return operation(
            "startRedFlagRun",
            "Upload OCDS (compiled releases one per line, release or record packages; gzip allowed) and start a background red-flag run; poll the Location. The same file with the same settings sent again while its run goes on answers that run. A 422 names bad settings or lists why nothing could be read; 413: over REDFLAGS_MAX_UPLOAD",
            params: [queryParam("fileName"), queryParam("settings")],
            content: ["application/json": ["schema": ref("RedFlagRunInput")], "application/x-ndjson": file,
                      "application/gzip": file, "application/octet-stream": file],
            ok: ref("RedFlagRun"), okStatus: "202", tooLarge: true)
    }

    private static var conflictDataUpload: OpenAPIValue {
        let file: OpenAPIValue = ["schema": ["type": "string", "format": "binary"]]
        return operation(
            "importConflictData",
            "Check (dryRun) or import OCDS or BODS data for conflict screening, all or nothing: the file as the body (gzip allowed, streamed to disk) with kind in the query, or small text in JSON. A 422 lists the bad lines (error.problems, the first 1,000; error.problemCount); 413: over CONFLICT_DATA_MAX_UPLOAD. The same file sent again by the same person within ten minutes answers 200 with that import",
            params: [queryParam("kind"), queryParam("fileName"), queryParam("dryRun")],
            content: ["application/json": ["schema": ref("ConflictDataImportInput")], "application/x-ndjson": file,
                      "application/gzip": file, "application/octet-stream": file],
            ok: ref("ConflictDataImport"), okStatus: "201", tooLarge: true)
    }

    /// The letter's bytes, in whichever accepted format it was uploaded.
    private static var letterContent: OpenAPIValue {
        .object(LetterFormat.allCases.map { ($0.contentType, ["schema": ["type": "string", "format": "binary"]]) })
    }

    private static func letterDownload(_ id: String, _ summary: String) -> OpenAPIValue {
        ["operationId": .string(id), "summary": .string(summary), "responses": [
            "200": ["description": "The file, as an attachment", "content": letterContent],
            "401": ["$ref": "#/components/responses/Error"], "403": ["$ref": "#/components/responses/Error"],
            "404": ["$ref": "#/components/responses/Error"],
        ]]
    }

    private static var pageParams: [OpenAPIValue] {
        [queryParam("page", integer: true), queryParam("perPage", integer: true)]
    }

    private static func queryParam(_ name: String, integer: Bool = false, required: Bool = false, enumOf: [String]? = nil) -> OpenAPIValue {
        var schema: [(String, OpenAPIValue)] = [("type", integer ? "integer" : "string")]
        if let enumOf { schema.append(("enum", .array(enumOf.map(OpenAPIValue.string)))) }
        return ["name": .string(name), "in": "query", "required": .bool(required), "schema": .object(schema)]
    }

    private static func pathParam(_ name: String) -> OpenAPIValue {
        ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
    }

    private static func ref(_ name: String) -> OpenAPIValue { ["$ref": .string("#/components/schemas/\(name)")] }

    private static func page(of item: String) -> OpenAPIValue {
        ["type": "object", "required": ["items", "page", "perPage", "total"], "properties": [
            "items": ["type": "array", "items": ref(item)],
            "page": ["type": "integer"], "perPage": ["type": "integer"], "total": ["type": "integer"],
        ]]
    }

    private static func response(_ description: String, schema: String) -> OpenAPIValue {
        ["description": .string(description), "content": ["application/json": ["schema": ref(schema)]]]
    }

    // MARK: - Schemas

    private static func object(_ required: [String], _ properties: [(String, OpenAPIValue)]) -> OpenAPIValue {
        ["type": "object", "required": .array(required.map(OpenAPIValue.string)), "properties": .object(properties)]
    }

    private static let string: OpenAPIValue = ["type": "string"]
    private static let nullableString: OpenAPIValue = ["type": ["string", "null"]]
    private static let integer: OpenAPIValue = ["type": "integer"]
    private static let boolean: OpenAPIValue = ["type": "boolean"]
    private static let number: OpenAPIValue = ["type": "number"]
    private static let nullableNumber: OpenAPIValue = ["type": ["number", "null"]]
    private static let uuid: OpenAPIValue = ["type": "string", "format": "uuid"]
    private static let nullableUUID: OpenAPIValue = ["type": ["string", "null"], "format": "uuid"]
    private static let dateTime: OpenAPIValue = ["type": "string", "format": "date-time"]
    private static let scores: OpenAPIValue = ["type": "object", "description": "criterion → score in [0, 1]",
                                            "additionalProperties": ["type": "number", "minimum": 0, "maximum": 1]]

    private static func enumeration(_ values: [String]) -> OpenAPIValue {
        ["type": "string", "enum": .array(values.map(OpenAPIValue.string))]
    }

    private static var schemas: OpenAPIValue {
        [
            "Error": object(["error"], [("error", object(["code", "message"], [
                ("code", string), ("message", string),
                ("fields", ["type": "array", "items": object(["field", "reason"], [("field", string), ("reason", string)])]),
            ]))]),
            "Organisation": object(["id", "kind", "name", "country", "workingLanguages"], [
                ("id", ["type": "string", "format": "uuid"]),
                ("kind", enumeration(OrganisationKind.allCases.map(\.rawValue))),
                ("name", string), ("country", ["type": "string", "description": "ISO 3166-1 alpha-2"]),
                ("publicBodyType", ["type": ["string", "null"]]), ("jurisdiction", ["type": ["string", "null"]]),
                ("mandate", nullableString), ("legalBasis", nullableString),
                ("workingLanguages", ["type": "array", "items": ["type": "string", "description": "ISO 639-1"]]),
                ("sector", ["type": ["string", "null"]]),
                ("identifier", ["type": ["string", "null"], "description": "org-id SCHEME-ID, e.g. GB-COH-01234567"]),
            ]),
            "OrganisationInput": object(["name", "country"], [
                ("kind", enumeration(OrganisationKind.allCases.map(\.rawValue))),
                ("name", string), ("country", string),
                ("publicBodyType", enumeration(PublicBodyType.allCases.map(\.rawValue))),
                ("jurisdiction", enumeration(Jurisdiction.allCases.map(\.rawValue))),
                ("mandate", string), ("legalBasis", string),
                ("workingLanguages", ["type": "array", "items": string]),
                ("sector", enumeration(Sector.allCases.map(\.rawValue))),
                ("identifier", ["type": "string", "description": "org-id SCHEME-ID, e.g. GB-COH-01234567; matched against imported OCDS and BODS data"]),
            ]),
            "Account": object(["id", "displayName", "email", "role", "status"], [
                ("id", ["type": "string", "format": "uuid"]), ("displayName", string), ("email", string),
                ("role", enumeration(Role.allCases.map(\.rawValue))),
                ("status", enumeration(AccountStatus.allCases.map(\.rawValue))),
                ("organisationID", ["type": ["string", "null"], "format": "uuid"]),
                ("preferredLanguage", ["type": ["string", "null"]]),
            ]),
            "Notification": object(["id", "message", "createdAt", "read"], [
                ("id", ["type": "string", "format": "uuid"]), ("message", string), ("link", nullableString),
                ("createdAt", ["type": "string", "format": "date-time"]), ("read", ["type": "boolean"]),
            ]),
            "PublicKey": object(["algorithm", "keyID", "publicKey"], [("algorithm", string), ("keyID", string), ("publicKey", string)]),
            "Checkpoint": object(["treeSize", "rootHash", "timestampMs", "signature", "keyID", "signedBody"], [
                ("treeSize", integer), ("rootHash", string), ("timestampMs", integer), ("signature", string),
                ("keyID", string), ("signedBody", string),
            ]),
            "AuditEntry": object(["sequence", "timestampMs", "actor", "action", "subjectType", "subjectID", "reason",
                                  "changeDigest", "leaf", "leafHash"], [
                ("sequence", integer), ("timestampMs", integer), ("actor", string), ("action", string),
                ("subjectType", string), ("subjectID", string), ("reason", string), ("changeDigest", string),
                ("leaf", string), ("leafHash", string),
            ]),
            "InclusionProof": object(["leafIndex", "treeSize", "leafHash", "path"], [
                ("leafIndex", integer), ("treeSize", integer), ("leafHash", string), ("path", ["type": "array", "items": string]),
            ]),
            "NeedInput": object([], [
                ("organisationID", ["type": "string", "format": "uuid"]), ("title", string), ("problemStatement", string),
                ("whyPrivateSector", string), ("supportAreas", ["type": "array", "items": ["type": "integer", "minimum": 1, "maximum": 6]]),
                ("issueAreas", ["type": "array", "items": enumeration(IssueArea.allCases.map(\.rawValue))]),
                ("requiredSkills", ["type": "array", "items": string]), ("preferredSkills", ["type": "array", "items": string]),
                ("languages", ["type": "array", "items": string]), ("preferredStart", ["type": "string", "format": "date"]),
                ("durationMonths", ["type": "integer", "minimum": 1, "maximum": 6]), ("expectedOutputs", string),
                ("dataAccess", enumeration(DataAccess.allCases.map(\.rawValue))), ("dataRules", string),
                ("readiness", ["type": "object", "additionalProperties": ["type": "integer", "minimum": 0, "maximum": 3]]),
                ("fields", ["type": "array", "items": enumeration(NeedDraft.wantableFields.map(\.rawValue))]),
                ("sector", ["type": "string", "description": "empty for none", "enum": .array(WorkSector.allCases.map { .string($0.rawValue) } + [.string("")])]),
            ]),
            "Need": object(["id", "organisationID", "title", "status", "supportAreas", "requiredSkills", "preferredSkills", "languages",
                            "durationMonths", "dataAccess", "readiness"], [
                ("id", ["type": "string", "format": "uuid"]), ("organisationID", ["type": "string", "format": "uuid"]), ("title", string),
                ("status", enumeration(ParticipationStatus.allCases.map(\.rawValue))),
                ("supportAreas", ["type": "array", "items": integer]), ("requiredSkills", ["type": "array", "items": string]),
                ("preferredSkills", ["type": "array", "items": string]), ("languages", ["type": "array", "items": string]),
                ("durationMonths", integer), ("dataAccess", string), ("readiness", ["type": "object", "additionalProperties": integer]),
                ("fields", ["type": "array", "items": string]), ("sector", nullableString),
            ]),
            "Letter": object(["filename", "contentType", "bytes", "sha256", "uploadedAt"], [
                ("filename", string), ("contentType", string), ("bytes", integer), ("sha256", string), ("uploadedAt", dateTime),
            ]),
            "Skill": object(["id", "group", "labels", "synonyms"], [
                ("id", string), ("group", string), ("labels", object(["en", "fr", "es"], [("en", string), ("fr", string), ("es", string)])),
                ("synonyms", ["type": "array", "items": string]),
            ]),
            "SkillInput": object(["labels"], [
                ("group", ["type": "string", "description": "a group id; new skills only"]),
                ("labels", object(["en", "fr", "es"], [("en", string), ("fr", string), ("es", string)])),
                ("synonyms", ["type": "array", "items": string, "maxItems": 20]),
                ("reason", ["type": "string", "description": "required when renaming"]),
            ]),
            "ScreeningResult": object(["criterion", "outcome", "reason"], [
                ("criterion", string), ("outcome", enumeration(ScreeningOutcome.allCases.map(\.rawValue))), ("reason", string),
            ]),
            "ExpertProfileInput": object([], [
                ("country", ["type": "string", "description": "ISO 3166-1 alpha-2, the country of residence"]),
                ("years", ["type": "integer", "minimum": 0, "maximum": 70]),
                ("fields", ["type": "array", "items": enumeration(ExperienceField.allCases.map(\.rawValue))]),
                ("transferStatement", string),
                ("skills", ["type": "object", "description": "skill id → level", "additionalProperties": ["type": "integer", "minimum": 1, "maximum": 3]]),
                ("languages", ["type": "object", "description": "ISO 639-1 code → level",
                               "additionalProperties": enumeration(LanguageLevel.allCases.map(\.name))]),
                ("countriesWorked", ["type": "array", "items": string]),
                ("regionsWorked", ["type": "array", "items": ["type": "string", "description": "UN M49 sub-region code"]]),
                ("sectors", ["type": "array", "items": enumeration(WorkSector.allCases.map(\.rawValue))]),
                ("hoursPerWeek", ["type": "integer", "minimum": 0, "maximum": 60]),
                ("availableFrom", ["type": "string", "format": "date"]), ("availableUntil", ["type": "string", "format": "date"]),
                ("capacity", ["type": "integer", "minimum": 0, "maximum": 5]),
                ("proBono", ["type": "boolean"]), ("workHours", ["type": "boolean"]), ("publicCommunication", ["type": "boolean"]),
                ("valuesAlignment", ["type": "boolean"]), ("motivation", string),
            ]),
            "ExpertProfileDetail": object(["id", "status", "fullName", "organisation", "country", "fields", "transferStatement", "skills",
                                           "languages", "countriesWorked", "regionsWorked", "sectors", "proBono", "workHours",
                                           "publicCommunication", "valuesAlignment", "motivation", "screening"], [
                ("id", uuid), ("status", enumeration(ParticipationStatus.allCases.map(\.rawValue))), ("fullName", string),
                ("organisation", string), ("country", string), ("years", ["type": ["integer", "null"]]),
                ("fields", ["type": "array", "items": string]), ("transferStatement", string),
                ("skills", ["type": "object", "additionalProperties": integer]),
                ("languages", ["type": "object", "additionalProperties": enumeration(LanguageLevel.allCases.map(\.name))]),
                ("countriesWorked", ["type": "array", "items": string]), ("regionsWorked", ["type": "array", "items": string]),
                ("sectors", ["type": "array", "items": string]), ("hoursPerWeek", ["type": ["integer", "null"]]),
                ("availableFrom", ["type": ["string", "null"], "format": "date"]), ("availableUntil", ["type": ["string", "null"], "format": "date"]),
                ("capacity", ["type": ["integer", "null"]]), ("proBono", ["type": "boolean"]), ("workHours", ["type": "boolean"]),
                ("publicCommunication", ["type": "boolean"]), ("valuesAlignment", ["type": "boolean"]), ("motivation", string),
                ("screening", ["type": "array", "items": ref("ScreeningResult")]),
            ]),
            "TermsOfReference": object(["start", "people", "governance", "goals", "deliverables", "milestones", "successStatement",
                                         "communication", "dataHandling"], [
                ("start", ["type": "string", "format": "date"]),
                ("months", ["type": "integer", "minimum": 3, "maximum": 6, "description": "3 when omitted"]),
                ("people", ["type": "array", "items": object(["name", "side", "responsibilities"], [
                    ("name", string), ("side", enumeration(TermsSide.allCases.map(\.rawValue))), ("responsibilities", string),
                ])]),
                ("governance", object(["meetingCadence", "decisionMaking", "escalation"], [
                    ("meetingCadence", string), ("decisionMaking", string), ("escalation", string),
                ])),
                ("goals", ["type": "array", "items": object(["text", "supportArea"], [
                    ("text", string), ("supportArea", ["type": "integer", "description": "one of the need's support areas"]),
                ])]),
                ("deliverables", ["type": "array", "items": object(["goal", "title", "due"], [
                    ("goal", ["type": "integer", "description": "1-based goal number"]), ("title", string), ("due", ["type": "string", "format": "date"]),
                ])]),
                ("milestones", ["type": "array", "items": object(["title", "due"], [("title", string), ("due", ["type": "string", "format": "date"])])]),
                ("successStatement", ["type": "string", "description": "Begins: We will know we are successful when we have"]),
                ("communication", object(["what", "channels", "consent"], [("what", string), ("channels", string), ("consent", string)])),
                ("dataHandling", object(["access"], [("access", enumeration(DataAccess.allCases.map(\.rawValue))), ("rules", string)])),
                ("valuesTailoring", string),
            ]),
            "Terms": object(["stage", "versions"], [
                ("stage", enumeration(EngagementStage.allCases.map(\.rawValue))),
                ("versions", ["type": "array", "items": object(["number", "createdAt", "signatures"], [
                    ("number", ["type": "integer"]), ("createdAt", ["type": "string", "format": "date-time"]),
                    ("signatures", ["type": "array", "items": object(["side", "signedBy", "signedAt"], [
                        ("side", enumeration(TermsSide.allCases.map(\.rawValue))), ("signedBy", string),
                        ("signedAt", ["type": "string", "format": "date-time"]),
                    ])]),
                    ("terms", ref("TermsOfReference")),
                ])]),
            ]),
            "TermsSaved": object(["version", "created", "stage"], [
                ("version", ["type": "integer"]), ("created", ["type": "boolean"]), ("stage", string),
            ]),
            "EvaluationRound": object(["stage", "openedAt", "responses"], [
                ("stage", enumeration(EvaluationStage.allCases.map(\.rawValue))), ("openedAt", ["type": "string", "format": "date-time"]),
                ("questionnaire", ["type": "object", "description": "stage, title (en/fr/es) and questions: id, kind, required, audience, role, prompt, choices"]),
                ("responses", ["type": "array", "items": object(["party", "respondent", "submittedAt", "answers"], [
                    ("party", enumeration(DeclaringParty.allCases.map(\.rawValue))), ("respondent", ["type": "string", "description": "pseudonymous code"]),
                    ("submittedAt", ["type": "string", "format": "date-time"]),
                    ("answers", ["type": "object", "additionalProperties": string]),
                ])]),
            ]),
            "EvaluationAnswers": object(["answers"], [
                ("answers", ["type": "object", "description": "question id → a string, a number, or a list of choice ids",
                             "additionalProperties": ["anyOf": [string, ["type": "number"], ["type": "array", "items": string]]]]),
            ]),
            "CloseInput": object([], [("overrideReason", string)]),
            "ExtendInput": object(["months", "reason"], [("months", ["type": "integer", "minimum": 1]), ("reason", string)]),
            "EngagementStage": object(["stage", "postEvaluationsComplete", "totalMonths"], [
                ("stage", enumeration(EngagementStage.allCases.map(\.rawValue))), ("postEvaluationsComplete", ["type": "boolean"]),
                ("totalMonths", ["type": "integer"]),
            ]),
            "KPIs": object(["needsMet", "needsEvaluated", "needsMetThreshold", "knowledge", "knowledgeByItem", "years"], [
                ("needsMet", ["type": "integer"]), ("needsEvaluated", ["type": "integer"]), ("needsMetShare", ["type": ["number", "null"]]),
                ("needsMetThreshold", ["type": "integer"]), ("knowledge", ref("Estimate")),
                ("knowledgeByItem", ["type": "object", "additionalProperties": ref("Estimate")]),
                ("years", ["type": "array", "items": object(["year", "outputsDone", "outputsPlanned", "closed", "started", "satisfaction"], [
                    ("year", ["type": "integer"]), ("outputsDone", ["type": "integer"]), ("outputsPlanned", ["type": "integer"]),
                    ("closed", ["type": "integer"]), ("started", ["type": "integer"]), ("satisfaction", ref("Estimate")),
                ])]),
            ]),
            "Estimate": object(["n"], [
                ("n", ["type": "integer"]), ("mean", ["type": ["number", "null"]]), ("low", ["type": ["number", "null"]]),
                ("high", ["type": ["number", "null"]]),
            ]),
            "ClosingReport": object(["consents"], [
                ("outcome", nullableString), ("lessons", nullableString), ("recommendations", nullableString),
                ("consents", ["type": "object", "description": "item → the sides that consented",
                              "additionalProperties": ["type": "array", "items": enumeration(DeclaringParty.allCases.map(\.rawValue))]]),
                ("published", ["type": ["object", "null"], "additionalProperties": string]),
            ]),
            "ClosingReportInput": object(["outcome", "lessons"], [("outcome", string), ("lessons", string), ("recommendations", string)]),
            "ConsentInput": object(["items"], [("items", ["type": "array", "items": enumeration(PublicationItem.allCases.map(\.rawValue))])]),
            "PublishInput": object(["texts"], [
                ("texts", ["type": "object", "description": "item → the redacted text", "additionalProperties": string]),
                ("post", ["type": "string", "maxLength": 500]),
            ]),
            "WorkItemUpdate": object(["status"], [
                ("status", enumeration(WorkItemStatus.allCases.map(\.rawValue))), ("note", ["type": "string", "description": "needed when dropped"]),
            ]),
            "MeetingInput": object(["date", "attendees", "agenda"], [
                ("date", ["type": "string", "format": "date"]), ("attendees", string), ("agenda", string), ("decisions", string),
                ("outcomes", string),
                ("actions", ["type": "array", "items": object(["description", "owner", "due"], [
                    ("description", string), ("owner", string), ("due", ["type": "string", "format": "date", "description": "on or after the meeting"]),
                ])]),
            ]),
            "MessageInput": object(["body"], [("body", ["type": "string", "maxLength": 4000])]),
            "Document": object(["id", "filename", "format", "bytes", "sha256", "uploadedAt"], [
                ("id", ["type": "string", "format": "uuid"]), ("filename", string),
                ("format", enumeration(DocumentFormat.allCases.map(\.rawValue))), ("bytes", ["type": "integer"]), ("sha256", string),
                ("uploadedAt", ["type": "string", "format": "date-time"]),
            ]),
            "Workspace": object(["stage", "items", "meetings", "messages", "documents", "timeline"], [
                ("stage", enumeration(EngagementStage.allCases.map(\.rawValue))),
                ("items", ["type": "array", "items": object(["id", "kind", "title", "due", "status", "note"], [
                    ("id", ["type": "string", "format": "uuid"]), ("kind", enumeration(WorkItemKind.allCases.map(\.rawValue))),
                    ("title", string), ("due", ["type": "string", "format": "date"]), ("goal", ["type": ["integer", "null"]]),
                    ("status", enumeration(WorkItemStatus.allCases.map(\.rawValue))), ("note", string),
                ])]),
                ("meetings", ["type": "array", "items": object(["id", "date", "attendees", "agenda", "decisions", "outcomes", "actions"], [
                    ("id", ["type": "string", "format": "uuid"]), ("date", ["type": "string", "format": "date"]), ("attendees", string),
                    ("agenda", string), ("decisions", string), ("outcomes", string),
                    ("actions", ["type": "array", "items": object(["id", "description", "owner", "due", "done"], [
                        ("id", ["type": "string", "format": "uuid"]), ("description", string), ("owner", string),
                        ("due", ["type": "string", "format": "date"]), ("done", ["type": "boolean"]),
                    ])]),
                ])]),
                ("messages", ["type": "array", "items": object(["author", "body", "postedAt"], [
                    ("author", string), ("body", string), ("postedAt", ["type": "string", "format": "date-time"]),
                ])]),
                ("documents", ["type": "array", "items": ref("Document")]),
                ("timeline", ["type": "array", "items": object(["at", "actor", "action"], [
                    ("at", ["type": "string", "format": "date-time"]), ("actor", string), ("action", string),
                ])]),
            ]),
            "MarketingConcernInput": object(["description"], [
                ("description", string),
                ("links", ["type": "array", "items": ["type": "string", "format": "uri"], "maxItems": .int(EvidenceLinks.maximum)]),
            ]),
            "MarketingConcernReceipt": object(["id", "reportedAt"], [
                ("id", ["type": "string", "format": "uuid"]), ("reportedAt", ["type": "string", "format": "date-time"]),
            ]),
            "MarketingConcernDecisionInput": object(["outcome", "text"], [
                ("outcome", enumeration(MarketingConcernStatus.allCases.filter(\.isDecided).map(\.rawValue))),
                ("text", ["type": "string", "description": "Told to the parties the outcome concerns"]),
                ("alternativeExpertProfileID", ["type": "string", "format": "uuid", "description": "On cancellation: an alternate of the original proposal"]),
            ]),
            "MarketingConcern": object(["id", "reporter", "description", "links", "status", "reportedAt"], [
                ("id", ["type": "string", "format": "uuid"]),
                ("reporter", object(["id", "displayName", "party"], [
                    ("id", ["type": "string", "format": "uuid"]), ("displayName", string),
                    ("party", enumeration(DeclaringParty.allCases.map(\.rawValue))),
                ])),
                ("description", string), ("links", ["type": "array", "items": string]),
                ("status", enumeration(MarketingConcernStatus.allCases.map(\.rawValue))),
                ("outcomeText", nullableString), ("reportedAt", ["type": "string", "format": "date-time"]),
                ("decidedAt", ["type": ["string", "null"], "format": "date-time"]),
                ("alternativeMatchID", ["type": ["string", "null"], "format": "uuid"]),
            ]),
            "ConflictDataImportInput": object(["kind", "text"], [
                ("kind", enumeration(["ocds", "bods"])),
                ("text", ["type": "string", "description": "OCDS compiled releases (or packages) or BODS statements: JSON Lines or one JSON document"]),
                ("fileName", string), ("dryRun", ["type": "boolean"]),
            ]),
            "RedFlagRunInput": object(["text"], [
                ("text", ["type": "string", "description": "OCDS: compiled releases one per line, or a release or record package"]),
                ("fileName", string),
                ("settings", ["type": "string", "description": "cardinal's INI settings; absent runs every indicator with its defaults"]),
            ]),
            "RedFlagRun": object(["id", "status", "fileName", "processes", "percent", "caveat"], [
                ("id", ["type": "string", "format": "uuid"]), ("status", enumeration(["running", "completed", "failed"])),
                ("fileName", string), ("processes", ["type": "integer"]), ("percent", ["type": "integer"]),
                ("flagsByIndicator", ["type": ["object", "null"], "additionalProperties": ["type": "integer"]]),
                ("topProcesses", ["type": ["array", "null"], "items": ["type": "object"]]),
                ("failure", ["type": ["string", "null"]]), ("caveat", string),
            ]),
            "ConflictDataImport": object(["kind", "fileName", "items", "rows", "createdAt"], [
                ("id", ["type": ["string", "null"], "format": "uuid", "description": "null on a dry run"]),
                ("kind", enumeration(["ocds", "bods"])), ("fileName", string),
                ("items", ["type": "integer", "description": "processes (OCDS) or statements (BODS) read"]),
                ("rows", ["type": "integer"]), ("createdAt", ["type": "string", "format": "date-time"]),
                ("reopened", ["type": ["integer", "null"], "description": "matches whose cleared due diligence the data reopened"]),
            ]),
            "RosterImportInput": object(["csv"], [
                ("csv", ["type": "string", "description": "CSV or TSV text with a header line"]),
                ("mapping", ["type": "object", "description": "0-based column per field: name, email, organisation, country, areas",
                             "additionalProperties": ["type": "integer", "minimum": 0]]),
                ("dryRun", ["type": "boolean"]), ("skipFlagged", ["type": "boolean"]),
            ]),
            "RosterImportReport": object(["dryRun", "rows", "experts", "mergedLines", "flaggedLines", "mapping", "problems", "imported"], [
                ("dryRun", ["type": "boolean"]), ("rows", integer), ("experts", integer), ("mergedLines", integer),
                ("flaggedLines", ["type": "array", "items": integer]),
                ("mapping", ["type": "object", "additionalProperties": integer]),
                ("problems", ["type": "array", "items": object(["line", "blocking", "message"], [
                    ("line", integer), ("blocking", ["type": "boolean"]), ("message", string)])]),
                ("imported", ["type": "array", "items": ref("ExpertProfile")]),
            ]),
            "ExpertProfile": object(["id", "fullName", "organisation", "country", "areas", "status"], [
                ("id", ["type": "string", "format": "uuid"]), ("fullName", string), ("email", nullableString),
                ("organisation", string), ("country", string), ("areas", ["type": "array", "items": string]),
                ("status", enumeration(ParticipationStatus.allCases.map(\.rawValue))),
            ]),
            "DecisionInput": object(["decision", "reason"], [
                ("decision", enumeration(["eligible", "ineligible"])), ("reason", ["type": "string", "minLength": 1]),
            ]),
            "AttestationsInput": object([], [
                ("proBono", ["type": "boolean"]), ("workHours", ["type": "boolean"]), ("publicCommunication", ["type": "boolean"]),
                ("integrityMandate", ["type": "boolean"]),
            ]),
            "Participation": object(["organisationID", "status", "proBono", "workHours", "publicCommunication", "integrityMandate", "screening"], [
                ("organisationID", uuid), ("status", enumeration(ParticipationStatus.allCases.map(\.rawValue))),
                ("proBono", ["type": "boolean"]), ("workHours", ["type": "boolean"]), ("publicCommunication", ["type": "boolean"]),
                ("integrityMandate", ["type": "boolean"]),
                ("screening", ["type": "array", "items": ref("ScreeningResult")]),
            ]),
            "MatchingSettings": object(["weights", "penalty", "alternates"], [
                ("weights", ["type": "object", "description": .string("criterion → weight ≥ 0: " + MatchCriterion.allCases.map(\.rawValue).joined(separator: ", ")),
                             "additionalProperties": ["type": "number", "minimum": 0]]),
                ("penalty", ["type": "number", "minimum": 0, "maximum": 1]), ("alternates", ["type": "integer", "minimum": 0, "maximum": 10]),
                ("reason", ["type": "string", "description": "Required when changing"]),
            ]),
            "Ranking": object(["needID", "considered", "candidates", "excluded"], [
                ("needID", uuid), ("considered", integer),
                ("candidates", ["type": "array", "items": object(["expertProfileID", "fullName", "score", "breakdown"], [
                    ("expertProfileID", uuid), ("fullName", string), ("score", number), ("breakdown", scores)])]),
                ("excluded", ["type": "object", "additionalProperties": integer]),
            ]),
            "MatchRun": object(["id", "status", "needCount", "startedAt"], [
                ("id", uuid), ("status", enumeration(["running", "completed", "failed"])), ("needCount", integer),
                ("startedAt", dateTime), ("finishedAt", ["type": ["string", "null"], "format": "date-time"]),
                ("objective", nullableNumber), ("stableObjective", nullableNumber),
                ("unassigned", ["type": ["integer", "null"]]), ("stableUnassigned", ["type": ["integer", "null"]]),
                ("failure", nullableString),
                ("progress", ["oneOf": [["type": "null"], object(["phase", "done", "total", "percent"], [
                    ("phase", enumeration(["ranking", "solving", "saving"])), ("done", integer), ("total", integer), ("percent", integer)])]]),
                ("proposals", ["oneOf": [["type": "null"], ["type": "array", "items": ref("Proposal")]]]),
            ]),
            "Proposal": object(["id", "needID", "breakdown", "alternates", "excluded", "decision"], [
                ("id", uuid), ("needID", uuid), ("expertProfileID", nullableUUID), ("score", nullableNumber), ("breakdown", scores),
                ("alternates", ["type": "array", "items": object(["expertProfileID", "score", "breakdown"], [
                    ("expertProfileID", uuid), ("score", number), ("breakdown", scores)])]),
                ("stableExpertProfileID", nullableUUID), ("stableScore", nullableNumber),
                ("excluded", ["type": "object", "additionalProperties": integer]),
                ("decision", enumeration(["pending", "confirmed", "overridden"])), ("reason", nullableString), ("matchID", nullableUUID),
            ]),
            "ProposalDecisionInput": object(["decision"], [
                ("decision", enumeration(["confirm", "override"])),
                ("expertProfileID", ["type": "string", "format": "uuid", "description": "An alternate or the stable choice; omit to leave unassigned"]),
                ("reason", ["type": "string", "description": "Required when overriding"]),
            ]),
            "ProposalDecision": object(["proposal"], [
                ("proposal", ref("Proposal")), ("match", ["oneOf": [["type": "null"], ref("Match")]]),
            ]),
            "Match": object(["id", "needID", "needTitle", "expertProfileID", "expertName", "stage", "dueDiligence", "termsSigned",
                             "plannedMonths", "extensionMonths", "score", "breakdown"], [
                ("id", uuid), ("needID", uuid), ("needTitle", string), ("expertProfileID", uuid), ("expertName", string),
                ("stage", enumeration(EngagementStage.allCases.map(\.rawValue))),
                ("dueDiligence", enumeration(DueDiligenceStatus.allCases.map(\.rawValue))), ("termsSigned", boolean),
                ("plannedMonths", integer), ("extensionMonths", integer), ("cancelReason", nullableString),
                ("score", number), ("breakdown", scores),
                ("explanation", ["oneOf": [["type": "null"], object(
                    ["requiredCovered", "requiredMissing", "preferredCovered", "sharedLanguages", "knowsCountry", "overlapDays", "periodDays", "years"], [
                    ("requiredCovered", ["type": "object", "additionalProperties": integer]),
                    ("requiredMissing", ["type": "array", "items": string]),
                    ("preferredCovered", ["type": "object", "additionalProperties": integer]),
                    ("sharedLanguages", ["type": "object", "additionalProperties": string]),
                    ("knowsCountry", ["type": "boolean"]), ("overlapDays", integer), ("periodDays", integer), ("years", integer),
                ])]]),
            ]),
            "Opportunity": object(["needID", "title", "supportAreas", "requiredSkills", "preferredSkills", "languages", "stance"], [
                ("needID", uuid), ("title", string), ("supportAreas", ["type": "array", "items": integer]),
                ("requiredSkills", ["type": "array", "items": string]), ("preferredSkills", ["type": "array", "items": string]),
                ("languages", ["type": "array", "items": string]), ("stance", enumeration(["interested", "neutral", "declined"])),
            ]),
            "ReasonInput": object(["reason"], [("reason", string)]),
            "ChecklistItemInput": object(["status"], [
                ("status", enumeration(ChecklistStatus.allCases.map(\.rawValue))),
                ("notes", ["type": "string", "description": "Required for a concern or not applicable, and for done without links"]),
                ("links", ["type": "array", "items": ["type": "string", "format": "uri"], "maxItems": .int(ChecklistEntry.maximumLinks)]),
            ]),
            "ChecklistItem": object(["item", "status", "notes", "links"], [
                ("item", enumeration(DueDiligenceItem.allCases.map(\.rawValue))), ("status", enumeration(ChecklistStatus.allCases.map(\.rawValue))),
                ("notes", string), ("links", ["type": "array", "items": string]),
            ]),
            "DeclarationInput": object(["answers", "attested"], [
                ("answers", ["type": "object", "description": "question → answer; every question is required, a yes needs details",
                             "propertyNames": enumeration(ConflictQuestion.allCases.map(\.rawValue)),
                             "additionalProperties": object(["declared"], [("declared", boolean), ("details", string)])]),
                ("attested", boolean),
            ]),
            "Declaration": object(["party", "declaredAt", "answers"], [
                ("party", enumeration(DeclaringParty.allCases.map(\.rawValue))), ("declaredAt", dateTime),
                ("answers", ["type": "object", "additionalProperties": object(["declared", "details"], [("declared", boolean), ("details", string)])]),
            ]),
            "DueDiligenceDecisionInput": object(["outcome", "text"], [
                ("outcome", enumeration(DueDiligenceOutcome.allCases.map(\.rawValue))),
                ("text", ["type": "string", "description": "Sent to every party and kept in the audit log"]),
                ("mitigation", ["type": "string", "description": "Required for mitigated"]),
                ("alternativeExpertProfileID", ["type": "string", "format": "uuid", "description": "On rejection: an alternate of the original proposal"]),
            ]),
            "WaiverInput": object(["approve"], [("approve", boolean), ("note", ["type": "string", "description": "Required to decline"])]),
            "DueDiligence": object(["matchID", "stage", "status", "checklist", "declarations", "signals", "decisions"], [
                ("matchID", uuid), ("stage", enumeration(EngagementStage.allCases.map(\.rawValue))),
                ("status", enumeration(DueDiligenceStatus.allCases.map(\.rawValue))),
                ("checklist", ["type": "array", "items": ref("ChecklistItem")]),
                ("declarations", ["type": "array", "items": ref("Declaration")]),
                ("signals", ["type": "array", "items": object(["kind", "key", "evidence", "message"], [
                    ("kind", enumeration(ConflictSignalKind.allCases.map(\.rawValue))), ("key", string),
                    ("evidence", ["type": "array", "items": string]), ("message", string),
                ])]),
                ("decisions", ["type": "array", "items": object(["outcome", "status", "text", "requestedAt"], [
                    ("outcome", enumeration(DueDiligenceOutcome.allCases.map(\.rawValue))),
                    ("status", enumeration(App.DueDiligenceDecision.Status.allCases.map(\.rawValue))),
                    ("text", string), ("mitigation", nullableString), ("requestedAt", dateTime),
                    ("decidedAt", ["type": ["string", "null"], "format": "date-time"]), ("alternativeMatchID", nullableUUID),
                ])]),
            ]),
            "InterestInput": object(["stance"], [("stance", enumeration(["interested", "neutral", "declined"]))]),
            "ConsistencyProof": object(["first", "second", "proof"], [
                ("first", integer), ("second", integer), ("proof", ["type": "array", "items": string]),
            ]),
        ]
    }
}
