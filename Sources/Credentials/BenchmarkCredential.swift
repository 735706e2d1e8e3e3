import StrictJSON

/// A realistic OB 3.0 credential for the parser benchmark, written for Credence (no third-party content): a
/// competency badge with a four-level rubric, framework alignments, results, evidence, an endorsement and a proof.
enum BenchmarkCredential {
    static let json = #"""
        {
          "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
          ],
          "id": "urn:uuid:5b1d3c2e-8f7a-4e1b-9c3d-2a6f0e4b7c19",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "name": "Data Analysis with Python: Proficient",
          "description": "Awarded for demonstrating data analysis skills in Python on a graded capstone project.",
          "issuer": {
            "id": "https://credence.example/issuers/northbridge-institute",
            "type": ["Profile"],
            "name": "Northbridge Institute of Technology",
            "url": "https://northbridge.example",
            "email": "credentials@northbridge.example",
            "image": {"id": "https://northbridge.example/logo.png", "type": "Image", "caption": "Northbridge logo"},
            "parentOrg": {"id": "https://credence.example/issuers/northbridge-group", "type": ["Profile"], "name": "Northbridge Group"}
          },
          "validFrom": "2025-03-14T09:30:00Z",
          "validUntil": "2028-03-14T09:30:00Z",
          "awardedDate": "2025-03-12T16:00:00Z",
          "credentialSubject": {
            "id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            "type": ["AchievementSubject"],
            "identifier": [{
              "type": "IdentityObject",
              "identityType": "emailAddress",
              "hashed": true,
              "identityHash": "sha256$4f1a6c1b2d9e0f7a3c5b8d2e6f9a1c4b7d0e3f6a9c2b5d8e1f4a7c0b3d6e9f2a",
              "salt": "d41f8a"
            }],
            "activityStartDate": "2025-01-06T00:00:00Z",
            "activityEndDate": "2025-03-07T00:00:00Z",
            "creditsEarned": 5,
            "term": "Spring 2025",
            "achievement": {
              "id": "https://credence.example/achievements/data-analysis-python",
              "type": ["Achievement"],
              "achievementType": "Competency",
              "name": "Data Analysis with Python",
              "description": "Cleans, explores and models tabular data with pandas and scikit-learn, and communicates findings.",
              "criteria": {
                "id": "https://northbridge.example/badges/data-analysis-python/criteria",
                "narrative": "Complete the capstone project and reach at least the Competent level on the analysis rubric."
              },
              "image": {"id": "https://northbridge.example/badges/data-analysis-python.png", "type": "Image"},
              "tag": ["data analysis", "python", "pandas", "statistics"],
              "humanCode": "DAP-201",
              "fieldOfStudy": "Computer Science",
              "specialization": "Data Science",
              "version": "2025.1",
              "inLanguage": "en-GB",
              "creditsAvailable": 5,
              "creator": {
                "id": "https://credence.example/issuers/northbridge-institute",
                "type": ["Profile"],
                "name": "Northbridge Institute of Technology"
              },
              "alignment": [
                {
                  "type": ["Alignment"],
                  "targetName": "analyse data",
                  "targetUrl": "http://data.europa.eu/esco/skill/ff3c5cb4-5d0e-4d15-b4f5-3b4a9c7e3a4d",
                  "targetDescription": "Collect and analyse numerical data in order to draw conclusions.",
                  "targetFramework": "ESCO",
                  "targetCode": "ff3c5cb4-5d0e-4d15-b4f5-3b4a9c7e3a4d",
                  "targetType": "ceasn:Competency"
                },
                {
                  "type": ["Alignment"],
                  "targetName": "Python (computer programming)",
                  "targetUrl": "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
                  "targetFramework": "ESCO",
                  "targetCode": "ccd0a1d9-afda-43d9-b901-96344886e14d",
                  "targetType": "ceasn:Competency"
                }
              ],
              "resultDescription": [
                {
                  "id": "https://credence.example/achievements/data-analysis-python/results/analysis",
                  "type": ["ResultDescription"],
                  "name": "Analysis rubric",
                  "resultType": "RubricCriterionLevel",
                  "requiredLevel": "https://credence.example/achievements/data-analysis-python/levels/competent",
                  "alignment": [{
                    "type": ["Alignment"],
                    "targetName": "Exploratory data analysis",
                    "targetUrl": "https://casenetwork.example/uri/7c1e2f50-3a9b-4d6e-8f01-2b3c4d5e6f70",
                    "targetType": "CFRubricCriterion"
                  }],
                  "rubricCriterionLevel": [
                    {
                      "id": "https://credence.example/achievements/data-analysis-python/levels/emerging",
                      "type": ["RubricCriterionLevel"],
                      "name": "Emerging",
                      "level": "1",
                      "points": "1",
                      "description": "Describes the data with help."
                    },
                    {
                      "id": "https://credence.example/achievements/data-analysis-python/levels/competent",
                      "type": ["RubricCriterionLevel"],
                      "name": "Competent",
                      "level": "2",
                      "points": "2",
                      "description": "Cleans and summarises the data unaided."
                    },
                    {
                      "id": "https://credence.example/achievements/data-analysis-python/levels/proficient",
                      "type": ["RubricCriterionLevel"],
                      "name": "Proficient",
                      "level": "3",
                      "points": "3",
                      "description": "Builds and validates a model and explains its limits."
                    },
                    {
                      "id": "https://credence.example/achievements/data-analysis-python/levels/expert",
                      "type": ["RubricCriterionLevel"],
                      "name": "Expert",
                      "level": "4",
                      "points": "4",
                      "description": "Designs the analysis and teaches others."
                    }
                  ]
                },
                {
                  "id": "https://credence.example/achievements/data-analysis-python/results/grade",
                  "type": ["ResultDescription"],
                  "name": "Capstone grade",
                  "resultType": "Percent",
                  "valueMin": "0",
                  "valueMax": "100",
                  "requiredValue": "60"
                }
              ]
            },
            "result": [
              {
                "type": ["Result"],
                "resultDescription": "https://credence.example/achievements/data-analysis-python/results/analysis",
                "achievedLevel": "https://credence.example/achievements/data-analysis-python/levels/proficient"
              },
              {
                "type": ["Result"],
                "resultDescription": "https://credence.example/achievements/data-analysis-python/results/grade",
                "value": "87"
              }
            ]
          },
          "evidence": [
            {
              "id": "https://portfolio.example/ada/capstone-housing-prices",
              "type": ["Evidence"],
              "name": "Capstone: predicting housing prices",
              "description": "Notebook and report analysing 20,000 property sales.",
              "genre": "Project",
              "audience": "Employers"
            }
          ],
          "endorsement": [
            {
              "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
              "id": "urn:uuid:0e9f7a1c-2b3d-4e5f-8a9b-c0d1e2f3a4b5",
              "type": ["VerifiableCredential", "EndorsementCredential"],
              "name": "Industry endorsement",
              "issuer": {"id": "https://credence.example/issuers/data-guild", "type": ["Profile"], "name": "Regional Data Guild"},
              "validFrom": "2025-02-01T00:00:00Z",
              "credentialSubject": {
                "id": "https://credence.example/achievements/data-analysis-python",
                "type": ["EndorsementSubject"],
                "endorsementComment": "Reflects the skills our members hire for."
              }
            }
          ],
          "credentialStatus": {
            "id": "https://credence.example/status/3#4711",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": "4711",
            "statusListCredential": "https://credence.example/status/3"
          },
          "proof": [{
            "type": "DataIntegrityProof",
            "cryptosuite": "eddsa-rdfc-2022",
            "created": "2025-03-14T09:30:05Z",
            "verificationMethod": "https://credence.example/issuers/northbridge-institute#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
            "proofPurpose": "assertionMethod",
            "proofValue": "z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKiZifFRyaSgBQfUeE"
          }]
        }
        """#

    /// The same credential as a VCDM 2.0 VC-JWT: the payload is the credential plus `iss`, `jti`, `nbf`, `exp`, `sub`.
    /// The signature is a fixed filler: the parser never checks it.
    static func jwt() -> String {
        guard case .object(var payload)? = try? JSONParser.parse(json) else { return "" }
        payload["iss"] = payload["issuer"]?["id"]
        payload["jti"] = payload["id"]
        payload["sub"] = payload["credentialSubject"]?["id"]
        for (claim, key) in [("nbf", "validFrom"), ("exp", "validUntil")] {
            if let text = payload[key]?.stringValue, case .exact(let instant) = DateTimeText.read(text, lenient: false) {
                payload[claim] = .number(JSONNumber(CredentialDate(instant: instant, text: text).secondsSince1970))
            }
        }
        let header: JSONValue = ["alg": "RS256", "typ": "JWT", "kid": "https://credence.example/issuers/northbridge-institute#key-1"]
        let signature = (0..<256).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        return Base64URL.encode(header.serializedBytes()) + "." + Base64URL.encode(JSONValue.object(payload).serializedBytes()) + "."
            + Base64URL.encode(signature)
    }
}
