/// The data behind `AmericanSpelling`: irregular pairs, rule suffixes and the words each rule must leave alone.
extension AmericanSpelling {
    enum Tables {
        static let pairs: [[UInt8]: [UInt8]] = Dictionary(uniqueKeysWithValues: pairList.map { (Array($0.key.utf8), Array($0.value.utf8)) })

        /// Irregular British → American pairs with their inflections (stemming does not reach every form:
        /// `programmes` must become `programs` before the stemmer sees it).
        private static let pairList: [String: String] = [
            "abridgement": "abridgment", "acknowledgement": "acknowledgment", "acknowledgements": "acknowledgments", "adaptor": "adapter",
            "adaptors": "adapters", "aerofoil": "airfoil", "aerofoils": "airfoils", "aeroplane": "airplane",
            "aeroplanes": "airplanes", "ageing": "aging", "aluminium": "aluminum", "amongst": "among",
            "analogue": "analog", "analogues": "analogs", "annexe": "annex", "appal": "appall",
            "appals": "appalls", "artefact": "artifact", "artefacts": "artifacts", "behove": "behoove",
            "burnt": "burned", "caesarean": "cesarean", "caesarian": "cesarean", "caesium": "cesium",
            "carburettor": "carburetor", "catalogue": "catalog", "catalogued": "cataloged", "cataloguer": "cataloger",
            "cataloguers": "catalogers", "catalogues": "catalogs", "cataloguing": "cataloging", "cheque": "check",
            "chequebook": "checkbook", "chequered": "checkered", "cheques": "checks", "chilli": "chili",
            "chillies": "chilies", "connexion": "connection", "connexions": "connections", "cosy": "cozy",
            "councillor": "councilor", "councillors": "councilors", "counsellor": "counselor", "counsellors": "counselors",
            "cypher": "cipher", "defence": "defense", "defenceless": "defenseless", "defences": "defenses",
            "deflexion": "deflection", "dialogue": "dialog", "dialogues": "dialogs", "distil": "distill",
            "distils": "distills", "doughnut": "donut", "doughnuts": "donuts", "draught": "draft",
            "draughts": "drafts", "draughtsman": "draftsman", "draughtsmen": "draftsmen", "draughtsperson": "draftsperson",
            "draughtspersons": "draftspersons", "draughtswoman": "draftswoman", "dreamt": "dreamed", "enquire": "inquire",
            "enquired": "inquired", "enquirer": "inquirer", "enquires": "inquires", "enquiries": "inquiries",
            "enquiring": "inquiring", "enquiry": "inquiry", "enrol": "enroll", "enrolment": "enrollment",
            "enrolments": "enrollments", "enrols": "enrolls", "enthral": "enthrall", "enthrals": "enthralls",
            "fulfil": "fulfill", "fulfilment": "fulfillment", "fulfils": "fulfills", "furore": "furor",
            "gaol": "jail", "gaoler": "jailer", "gaols": "jails", "gemmologist": "gemologist",
            "gemmology": "gemology", "gramme": "gram", "grammes": "grams", "grey": "gray",
            "greyish": "grayish", "greys": "grays", "homologue": "homolog", "homologues": "homologs",
            "inflexion": "inflection", "instalment": "installment", "instalments": "installments", "instil": "instill",
            "instils": "instills", "jeweller": "jeweler", "jewellers": "jewelers", "jewellery": "jewelry",
            "judgement": "judgment", "judgemental": "judgmental", "judgements": "judgments", "kerb": "curb",
            "kerbing": "curbing", "kerbs": "curbs", "kerbside": "curbside", "kilogramme": "kilogram",
            "kilogrammes": "kilograms", "leapt": "leaped", "learnt": "learned", "licence": "license",
            "licenced": "licensed", "licences": "licenses", "licencing": "licensing", "likeable": "likable",
            "liquorice": "licorice", "lodgement": "lodgment", "manoeuvrability": "maneuverability", "manoeuvrable": "maneuverable",
            "manoeuvre": "maneuver", "manoeuvred": "maneuvered", "manoeuvres": "maneuvers", "manoeuvring": "maneuvering",
            "marvellous": "marvelous", "maths": "math", "mollusc": "mollusk", "molluscs": "mollusks",
            "mould": "mold", "moulded": "molded", "moulder": "molder", "moulders": "molders",
            "moulding": "molding", "mouldings": "moldings", "moulds": "molds", "mouldy": "moldy",
            "moult": "molt", "moustache": "mustache", "moustaches": "mustaches", "moveable": "movable",
            "nought": "naught", "noughts": "naughts", "offence": "offense", "offences": "offenses",
            "omelette": "omelet", "omelettes": "omelets", "orientate": "orient", "orientated": "oriented",
            "orientates": "orients", "orientating": "orienting", "pedlar": "peddler", "pedlars": "peddlers",
            "plough": "plow", "ploughed": "plowed", "plougher": "plower", "ploughing": "plowing",
            "ploughman": "plowman", "ploughs": "plows", "practise": "practice", "practised": "practiced",
            "practises": "practices", "practising": "practicing", "pretence": "pretense", "programme": "program",
            "programmes": "programs", "pyjama": "pajama", "pyjamas": "pajamas", "rateable": "ratable",
            "routeing": "routing", "saleable": "salable", "sceptic": "skeptic", "sceptical": "skeptical",
            "scepticism": "skepticism", "sizeable": "sizable", "skilful": "skillful", "skilfully": "skillfully",
            "smoulder": "smolder", "smouldered": "smoldered", "smouldering": "smoldering", "smoulders": "smolders",
            "specialities": "specialties", "speciality": "specialty", "spelt": "spelled", "spilt": "spilled",
            "storey": "story", "storeys": "stories", "towards": "toward", "tranquillise": "tranquilize",
            "tranquillised": "tranquilized", "tranquilliser": "tranquilizer", "tranquillisers": "tranquilizers", "tranquillity": "tranquility",
            "tyre": "tire", "tyres": "tires", "unshakeable": "unshakable", "waggon": "wagon",
            "waggons": "wagons", "whilst": "while", "wilful": "willful", "wilfully": "willfully",
            "woollen": "woolen", "woollens": "woolens", "yoghurt": "yogurt", "yoghurts": "yogurts",
        ]

        /// Prefixes replaced only at the start of a word, where the same letters elsewhere mean something else
        /// (gastroesophageal is already American).
        static let digraphPrefixes: [([UInt8], [UInt8])] = bytePairs([
            ("oesoph", "esoph"), ("oestr", "estr"), ("oenol", "enol"), ("aetiol", "etiol"), ("faec", "fec"), ("foet", "fet"),
        ])

        /// Letter groups replaced anywhere in a word (urogynaecology, lymphoedema, hydrodesulphurisation).
        static let digraphInfixes: [([UInt8], [UInt8])] = bytePairs([
            ("anaesth", "anesth"), ("paed", "ped"), ("haem", "hem"), ("aemi", "emi"), ("gynaec", "gynec"), ("oedem", "edem"),
            ("palaeo", "paleo"), ("pnoe", "pne"), ("diarrhoe", "diarrhe"), ("coeliac", "celiac"), ("mediaev", "mediev"),
            ("sulph", "sulf"),
        ])

        static let iseMiddle = Array("is".utf8)
        static let yseMiddle = Array("ys".utf8)
        static let ourMiddle = Array("our".utf8)
        static let pluralSuffix = Array("es".utf8)
        static let re = Array("re".utf8)
        static let ri = Array("ri".utf8)

        /// Longest first: the first suffix that fits decides.
        static let iseSuffixes = bytes(["ationally", "ational", "ations", "ation", "ably", "able", "ers", "ing", "er", "es", "ed", "e"])
        static let yseSuffixes = bytes(["ers", "ing", "able", "er", "es", "ed", "e"])
        static let ourSuffixes = bytes([
            "izations", "ization", "ations", "ation", "izing", "izers", "izer", "ized", "ize", "fully", "hoods", "ings", "ites",
            "able", "ably", "ists", "ally", "less", "hood", "ing", "ers", "ful", "ite", "ist", "ism", "ed", "er", "al", "s", "y", "",
        ])

        /// Stems (up to and including `is`) of words spelled -ise in American English too, matched as word endings
        /// so that compounds (uncompromising, streetwise) are covered.
        static let iseExceptions = bytes([
            "advertis", "appris", "bruis", "cannabis", "chais", "chastis", "chemis", "circumcis", "compris",
            "compromis", "concis", "cruis", "demis", "despis", "disguis", "enfranchis", "enterpris", "excis",
            "exercis", "exorcis", "expertis", "franchis", "guis", "incis", "liais", "malais", "mantis", "marquis",
            "mayonnais", "merchandis", "mortis", "ois", "paradis", "penis", "prais", "precis", "premis", "promis",
            "rais", "repris", "sunris", "surmis", "surpris", "tennis", "treatis", "trellis", "upris", "valis", "vis",
            "wis",
        ])

        /// Nouns in -is whose plural in -es looks like a verb in -ise (crises, arthritises, metropolises).
        static let isNounEndings = bytes(["itis", "osis", "esis", "ysis", "xis", "polis"])

        /// Words in -our that are not British spellings.
        static let ourExceptions: Set<[UInt8]> = Set(bytes([
            "amour", "contour", "detour", "devour", "dour", "downpour", "flour", "four", "glamour", "hour",
            "outpour", "paramour", "parkour", "pour", "scour", "sour", "tambour", "tour", "troubadour", "velour",
            "your",
        ]))

        /// Exceptions that also head compounds: ecotourism, manhour, recontouring, cornflour.
        static let ourCompoundHeads = bytes(["tour", "four", "hour", "contour", "flour"])

        /// British -re words (with their American spelling); every word ending in one of them, or in its inflections
        /// -res, -red, -ring, is converted.
        private static let reWords: [([UInt8], [UInt8])] = bytePairs([
            ("centre", "center"), ("theatre", "theater"), ("fibre", "fiber"), ("metre", "meter"), ("litre", "liter"),
            ("calibre", "caliber"), ("mitre", "miter"), ("sabre", "saber"), ("sombre", "somber"), ("meagre", "meager"),
            ("lustre", "luster"), ("spectre", "specter"), ("sceptre", "scepter"), ("goitre", "goiter"), ("saltpetre", "saltpeter"),
            ("reconnoitre", "reconnoiter"), ("titre", "titer"), ("nitre", "niter"), ("louvre", "louver"),
            ("sepulchre", "sepulcher"), ("ochre", "ocher"), ("cadastre", "cadaster"), ("manoeuvre", "maneuver"),
        ])
        private static let reEndings: [(String, String)] = [("re", "er"), ("res", "ers"), ("red", "ered"), ("ring", "ering")]

        /// Every British ending with its American replacement: `centres` → `centers`, `manoeuvring` → `maneuvering`.
        static let reWordEndings: [([UInt8], [UInt8])] = reWords.flatMap { british, american in
            reEndings.map { britishEnding, americanEnding in
                (british.dropLast(2) + Array(britishEnding.utf8), american.dropLast(2) + Array(americanEnding.utf8))
            }
        }

        /// -re words that start compounds: fibreglass, centrepiece, theatregoer.
        static let reCompoundHeads: [([UInt8], [UInt8])] = bytePairs([("fibre", "fiber"), ("centre", "center"), ("theatre", "theater")])

        static let doubleLEndings: [([UInt8], [UInt8])] = bytePairs([("lled", "led"), ("lling", "ling"), ("llers", "lers"), ("ller", "ler")])

        /// Verbs whose final l British English doubles before -ed/-ing/-er and American English does not.
        static let singleLVerbs: Set<[UInt8]> = Set(bytes([
            "barrel", "bevel", "cancel", "channel", "chisel", "counsel", "cudgel", "dial", "dishevel", "duel",
            "enamel", "equal", "fuel", "funnel", "gravel", "grovel", "initial", "jewel", "kennel", "label", "level",
            "libel", "marshal", "marvel", "model", "panel", "pedal", "pencil", "pummel", "quarrel", "ravel",
            "refuel", "revel", "rival", "shovel", "shrivel", "signal", "snivel", "snorkel", "spiral", "stencil",
            "swivel", "tassel", "tinsel", "total", "towel", "travel", "trowel", "tunnel", "unravel", "victual",
            "yodel",
        ]))

        private static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

        private static func bytePairs(_ pairs: [(String, String)]) -> [([UInt8], [UInt8])] {
            pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
        }
    }
}
