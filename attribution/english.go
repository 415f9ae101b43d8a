package attribution

// The English lexicon's word lists. Verbs are base forms; their regular
// forms are derived, and irregular or consonant-doubling forms are
// listed.

// speechVerbs attribute wherever they stand near a speaker.
const speechVerbs = `say tell write post tweet argue warn explain state declare announce insist claim
	concede acknowledge recall reply respond answer shout yell scream whisper murmur mutter mumble exclaim joke
	laugh sigh observe remark comment suggest urge plead demand testify text email e-mail message blog recount
	describe speak wonder reflect realize realise agree disagree counter retort interject offer predict promise
	vow pledge threaten boast brag complain lament grumble protest object maintain contend assert allege charge
	accuse confirm deny disclose reveal confess muse conclude caution advise recommend instruct inform assure
	reassure remind emphasize emphasise stress underline clarify elaborate characterize characterise hail praise
	criticize criticise condemn decry denounce defend reiterate echo quote cite chant inquire enquire query
	speculate surmise tease chide scold marvel groan moan wail gush rave relate recite proclaim pronounce summarize
	summarise testify acknowledge concur interrupt stammer stutter snort scoff sneer hiss bark bellow
	thunder crow cheer plead posit opine theorize theorise hypothesize reckon guess estimate forecast reason
	lecture preach sing rap broadcast livestream caution concede dismiss rebuke retract apologize apologise
	thank welcome congratulate greet implore beseech entreat petition appeal rule determine decide`

// irregularForms are the irregular and consonant-doubling forms of speech
// verbs.
const irregularForms = `said says saying told tells telling wrote written spoke spoken swore sworn swear swears
	swearing sang sung thought think thinks thinking admitted admitting admit admits quipped quipping quip quips
	begged begging beg begs sobbed sobbing sob sobs snapped snapping snap snaps rebutted rebutting rebut rebuts
	blurted blurt blurts chatted chatting chat chats retweeted retweet retweets texted messaged emailed
	e-mailed fretted fretting fret frets
	cried cry cries crying replied replies replying testified testifies testifying queried queries querying
	implied imply implies implying`

// weakVerbs are speech verbs with common other senses.
const weakVerbs = `add ask note continue call report label dub term brand deem mention point highlight
	press question offer order read hold find smile grin nod shrug gasp blast slam attack share caption
	sum put deliver issue sign publish express voice raise`

// weakIrregularForms are irregular forms of weak speech verbs.
const weakIrregularForms = `read reads reading held holds holding found finds finding put puts putting
	nodded nodding slammed slamming shrugged shrugging grinned
	grinning summed summing`

// pronouns are personal pronouns that can name a speaker.
const pronouns = `he she they i we him her them his hers their theirs me us my our you`

// roles name speakers by office, job, relation or kind; plurals are
// derived.
const roles = `minister president premier chancellor secretary senator representative congressman congresswoman
	congressperson lawmaker legislator governor mayor councillor councilor councilman councilwoman alderman
	alderwoman commissioner official officer spokesman spokeswoman spokesperson aide adviser advisor director
	manager chair chairman chairwoman chairperson chief head leader founder cofounder co-founder owner executive
	ceo cfo boss employee worker staffer member judge justice magistrate prosecutor attorney lawyer counsel
	defendant plaintiff witness juror detective sergeant lieutenant captain commander colonel general soldier
	trooper sheriff deputy constable firefighter paramedic doctor nurse physician surgeon scientist researcher
	professor lecturer teacher principal student pupil coach player athlete fan resident neighbor neighbour parent
	mother father mom dad mum son daughter wife husband partner brother sister friend relative widow widower
	survivor victim voter shopper customer passenger driver pilot farmer economist analyst expert historian
	author writer editor reporter journalist columnist critic activist organizer organiser campaigner protester
	protestor volunteer pastor priest rabbi imam bishop agency department ministry company firm group
	organization organisation union campaign office government administration party team club board
	commission committee council court panel authority regulator operator spokesperson candidate challenger
	incumbent opponent rival supporter ally advocate official diplomat ambassador envoy negotiator mediator
	economist strategist consultant pollster researcher specialist engineer inspector investigator auditor
	superintendent administrator dean provost chancellor trustee regent steward landlord tenant homeowner
	citizen man woman boy girl person owner host guest speaker caller viewer reader listener writer
	producer director actor actress singer musician artist designer chef baker vendor merchant developer
	entrepreneur investor banker trader broker lender clerk cashier guard ranger warden veteran retiree
	spokesperson representative delegate negotiator organizer chairwoman grandmother grandfather uncle aunt
	cousin nephew niece child kid teen teenager mp mep`

// collectiveRoles name speakers and have no regular plural.
const collectiveRoles = `police people staff crew management leadership prosecution defense defence
	campaign family children men women folks`

// sources are written or recorded sources; plurals are derived.
const sources = `statement interview report ruling opinion judgment judgement verdict order indictment
	complaint filing lawsuit affidavit deposition testimony transcript letter email memo memorandum post tweet
	message release announcement speech remarks video podcast broadcast website document study survey poll
	briefing motion brief petition notice bulletin newsletter blog column editorial op-ed memoir diary
	manifesto declaration proclamation resolution bill law statute regulation guidance advisory citation
	summons warrant subpoena submission caption voicemail notification legislation guideline directive
	ordinance contract treaty constitution charter`

// mentions are nouns after which a quotation is a name or words as words.
const mentions = `word phrase term expression slogan motto catchphrase refrain chant hashtag sign banner
	placard poster billboard sticker label headline caption title subtitle nickname moniker tagline jingle
	lyric line verse inscription plaque password graffiti logo brand trademark heading acronym abbreviation film movie
	song album single track book novel memoir play musical opera show series episode podcast documentary
	painting poem sculpture exhibition exhibit game app newsletter magazine newspaper operation hymn anthem`

// naming words make the quotation after them a name: called "...",
// known as "...".
const naming = `called calling named naming titled entitled dubbed dubbing nicknamed branded labeled
	labelled marked reading reads read spelled spelling spelt styled termed billed known as so-called
	self-described self-styled played playing performed performing hummed humming whistled whistling`

// functionWords are closed-class English words.
const functionWords = `a an the this that these those some any no every each either neither all both few many
	much more most other such what which who whom whose whatever whichever it its itself
	about above across after against along among around as at before behind below beneath beside besides
	between beyond but by despite down during except for from in inside into like near of off on onto out
	outside over past per since than through throughout till to toward towards under underneath until up
	upon via with within without and or nor so yet if because although though while whereas unless whether
	is am are was were be been being have has had having do does did will would shall should can could may
	might must not there here then now when where why how also just only even still too very well however
	meanwhile instead later earlier first last next yes no oh mr mrs ms dr st`

// calendar words are capitalized but name no speaker.
const calendar = `january february march april may june july august september october november december
	jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
	today tonight yesterday tomorrow`
