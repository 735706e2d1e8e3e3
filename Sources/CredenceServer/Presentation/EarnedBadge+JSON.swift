public import Credentials
import Foundation
public import StrictJSON

/// The normalised badge as the API shows it and as `credentials.normalized` stores it.
/// Field names follow Open Badges where they exist; absent values are left out.
extension EarnedBadge {
    public var json: JSONValue {
        .object(
            JSONObject(compacting: [
                "credentialId": .string(id),
                "types": .array(types.map(JSONValue.string)),
                "specVersion": .string(specVersion.rawValue),
                "dataModel": .text(dataModel?.rawValue),
                "name": .text(name),
                "description": .text(description),
                "image": .text(image?.id),
                "earner": earner.json,
                "issuer": issuer.json,
                "achievement": achievement.json,
                "results": results.isEmpty ? nil : .array(results.map(\.json)),
                "evidence": evidence.isEmpty ? nil : .array(evidence.map(\.json)),
                "validFrom": .string(validFrom.text),
                "validUntil": .text(validUntil?.text),
                "awardedDate": .string(awarded.date.text),
                "awardedDateSource": .string(awarded.source.rawValue),
                "activity": subject.json,
                "credentialStatus": statusEntries.isEmpty ? nil : .array(statusEntries.map(\.json)),
                "endorsements": endorsements.isEmpty ? nil : .array(endorsements.map(\.json)),
                "proofs": proofs.isEmpty ? nil : .array(proofs.map(\.json)),
            ])
        )
    }
}

extension Earner {
    var json: JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .text(id),
                "identifiers": identifiers.isEmpty
                    ? nil
                    : .array(
                        identifiers.map {
                            .object(
                                JSONObject(compacting: [
                                    "identityType": .string($0.identityType), "identity": .string($0.identity), "hashed": .bool($0.hashed),
                                    "salt": .text($0.salt),
                                ])
                            )
                        }
                    ),
            ])
        )
    }
}

extension Profile {
    var json: JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .string(id), "name": .text(name), "url": .text(url), "email": .text(email), "description": .text(description),
                "image": .text(image?.id), "parentOrg": .text(parentOrg?.id),
            ])
        )
    }
}

extension Alignment {
    var json: JSONValue {
        .object(
            JSONObject(compacting: [
                "targetName": .text(targetName), "targetUrl": .text(targetUrl), "targetDescription": .text(targetDescription),
                "targetFramework": .text(targetFramework), "targetCode": .text(targetCode), "targetType": .text(targetType),
            ])
        )
    }
}

extension Achievement {
    var json: JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .string(id),
                "name": .string(name),
                "description": .text(description),
                "criteria": criteria.map { .object(JSONObject(compacting: ["id": .text($0.id), "narrative": .text($0.narrative)])) },
                "achievementType": .text(achievementType),
                "version": .text(version),
                "tags": .texts(tags),
                "humanCode": .text(humanCode),
                "fieldOfStudy": .text(fieldOfStudy),
                "specialization": .text(specialization),
                "creator": creator?.json,
                "image": .text(image?.id),
                "inLanguage": .text(inLanguage),
                "related": .texts(related.map(\.id)),
                "alignment": alignments.isEmpty ? nil : .array(alignments.map(\.json)),
                "resultDescription": resultDescriptions.isEmpty ? nil : .array(resultDescriptions.map(\.json)),
            ])
        )
    }
}

extension ResultDescription {
    var json: JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .string(id),
                "name": .text(name),
                "resultType": .text(resultType),
                "allowedValue": .texts(allowedValues),
                "requiredValue": .text(requiredValue),
                "requiredLevel": .text(requiredLevel),
                "valueMin": .text(valueMin),
                "valueMax": .text(valueMax),
                "rubricCriterionLevel": levels.isEmpty
                    ? nil
                    : .array(
                        levels.map { level in
                            .object(
                                JSONObject(compacting: [
                                    "id": .string(level.id), "name": .text(level.name), "level": .text(level.level),
                                    "points": .text(level.points), "description": .text(level.description),
                                    "ordinal": .number(level.ordinal),
                                    "alignment": level.alignments.isEmpty ? nil : .array(level.alignments.map(\.json)),
                                ])
                            )
                        }
                    ),
                "alignment": alignments.isEmpty ? nil : .array(alignments.map(\.json)),
            ])
        )
    }
}

extension AchievementResult {
    var json: JSONValue {
        .object(
            JSONObject(compacting: [
                "resultDescription": .text(resultDescriptionId),
                "achievedLevel": .text(achievedLevelId),
                "value": .text(value),
                "status": .text(status),
                "proficiency": proficiency.map { p in
                    .object(
                        JSONObject(compacting: [
                            "basis": .string(p.basis.rawValue), "levelName": .text(p.levelName), "level": .text(p.levelLabel),
                            "points": .text(p.points), "ordinal": .number(p.ordinal), "levelCount": .number(p.levelCount),
                            "normalized": .number(p.normalised), "meetsRequirement": p.meetsRequirement.map(JSONValue.bool),
                        ])
                    )
                },
                "alignment": alignments.isEmpty ? nil : .array(alignments.map(\.json)),
            ])
        )
    }
}

extension Evidence {
    var json: JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .text(url), "name": .text(name), "narrative": .text(narrative), "description": .text(description),
                "genre": .text(genre), "audience": .text(audience),
            ])
        )
    }
}

extension SubjectDetails {
    var json: JSONValue? {
        let object = JSONObject(compacting: [
            "activityStartDate": .text(activityStartDate?.text), "activityEndDate": .text(activityEndDate?.text),
            "creditsEarned": .number(creditsEarned), "term": .text(term), "role": .text(role), "licenseNumber": .text(licenseNumber),
            "narrative": .text(narrative), "source": source?.json,
        ])
        return object.isEmpty ? nil : .object(object)
    }
}

extension CredentialStatusEntry {
    var json: JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .text(id), "type": .text(type), "statusPurpose": .text(purpose), "statusListIndex": .text(index),
                "statusListCredential": .text(listURL),
            ])
        )
    }
}

extension EndorsementReference {
    var json: JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .text(id), "issuer": .text(issuerId), "issuerName": .text(issuerName), "comment": .text(comment),
                "endorses": .string(placement.rawValue), "form": .string(form.rawValue),
            ])
        )
    }
}

extension ProofSummary {
    var json: JSONValue {
        .object(
            JSONObject(compacting: [
                "type": .text(type), "cryptosuite": .text(cryptosuite), "verificationMethod": .text(verificationMethod),
                "proofPurpose": .text(proofPurpose), "created": .text(created),
            ])
        )
    }
}
