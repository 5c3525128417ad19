"""Key quotes: direct quotations in sentences that name their speaker.

A quote is text inside quotation marks (“...” or "...") in a sentence that says who spoke, after
the quotation (“We hope we can close those gaps,” Tillerson said) or before it (Alexey Pushkov, a
senior Russian lawmaker, tweeted, “New US administration ...”). A pronoun ("he said") or an
unnamed group ("the officials said") does not name a speaker, and a few quoted words inside a
sentence (scare quotes: called the claims “illegitimate”) are not a quotation: a quote needs
``min_words`` words. A quotation split over several sentences is read as one.

Quotes are deduplicated like points (``briefing.samepoint.same_point``): the same words reported by
two outlets become one quote citing both. The brief keeps at most ``max_quotes``: quotes carried
by more outlets first, then the earliest in their article, at most two per speaker; a quote whose
sentence is already a bullet of the brief is left out (nothing is said twice).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from briefing.samepoint import same_point
from briefing.models import Citation, Point, Quote, SentenceSpan, SourceRef

_VERBS = (
    r"said|says|told|added|stated|declared|warned|wrote|tweeted|asked|explained|noted|insisted|"
    r"argued|stressed|urged|replied|answered|continued|recalled|cautioned"
)
_WORD = r"[A-Z][\w’'.\-]*"
_NAME = rf"{_WORD}(?:\s+(?:of\s+|de\s+|van\s+|von\s+|bin\s+)?{_WORD}){{0,5}}"
# After the quotation: ,” Tillerson said / ,” said Tillerson / ,” Alexey Pushkov, a lawmaker, wrote
_AFTER = re.compile(
    rf"^\s*(?:(?P<verb1>{_VERBS})\s+(?P<name1>{_NAME})|(?P<name2>{_NAME})(?:,\s[^,“”\"]{{1,80}},)?"
    rf"\s+(?:also\s+|later\s+|then\s+)?(?P<verb2>{_VERBS}))\b"
)
# Before the quotation: Alexey Pushkov, a senior Russian lawmaker, tweeted, “...
_BEFORE = re.compile(
    rf"(?P<name>{_NAME})(?:,\s[^,“”\"]{{1,80}},)?\s+(?:also\s+|later\s+|then\s+)?(?:{_VERBS})"
    rf"(?:\s[^,:“”\"]{{0,60}})?[,:]\s*$"
)
_QUOTED = re.compile(r"“(?P<a>[^“”]+)”|\"(?P<b>[^\"]+)\"")
_NOT_NAMES = frozenset(
    "He She They It We I You This That These Those The A An One Two Some Many Officials Sources "
    "Critics Others Both Each".split()
)


def _speaker(name: str | None) -> str | None:
    if not name:
        return None
    words = name.split()
    while words and words[0] in _CONNECTIVE_WORDS:  # "But Ivanka Trump says ..."
        words = words[1:]
    if not words or words[0] in _NOT_NAMES:
        return None
    if len(words) >= 3 and words[0] in _DESCRIPTORS:
        words = words[1:]  # "Neighbor Nate Reynolds, 22, said ...": who he is, then his name
    return " ".join(words).rstrip(".,") or None


# who a person is, written before the name as a title would be: "Neighbor Nate Reynolds", "Witness Jane Roe"
_DESCRIPTORS = frozenset(
    "Neighbor Neighbour Resident Witness Eyewitness Bystander Student Teacher Farmer Homeowner Shopper Voter Passenger "
    "Driver Survivor Victim Patient Parent Mother Father Fan Worker Customer Tourist Commuter Protester Volunteer "
    "Spectator Onlooker Local Villager".split()
)


def _later_name(rest: str) -> str | None:
    """The person named at the end of a speaker's description after the verb ("'s friend and adviser
    Ken O'Donnell", " 4 Reporter James Rose"), up to the clause's end; None when there is none."""
    from briefing.context import names_in

    clause = re.split(r"[.,;:“”\"]", rest, maxsplit=1)[0]
    if not clause.strip() or len(clause) > 80:
        return None
    found = names_in(clause)
    return found[-1] if found and clause.rstrip().endswith(found[-1]) else None


_CONNECTIVE_WORDS = frozenset("But And So Also Yet Still However Meanwhile Instead Then Later Earlier".split())


def find_quotes(sentence: str, *, min_words: int = 6) -> list[tuple[str, str]]:
    """The (speaker, quotation) pairs in one sentence (or a quotation's run of sentences)."""
    found: list[tuple[str, str]] = []
    for m in _QUOTED.finditer(sentence):
        text = (m.group("a") or m.group("b") or "").strip()
        words = text.split()
        if len(words) < min_words:
            continue
        after = _AFTER.match(sentence[m.end():])
        speaker = None
        if after:
            speaker = _speaker(after.group("name1") or after.group("name2"))
            if after.group("name1"):
                # ,” recalled JFK's friend and adviser Ken O'Donnell. / ,” asked FOX 4 Reporter James Rose.
                later = _later_name(sentence[m.end() + after.end("name1"):])
                speaker = later or speaker
        if speaker is None:
            before = _BEFORE.search(sentence[: m.start()])
            if before:
                speaker = _speaker(before.group("name"))
        if speaker is None:
            continue
        text = text.rstrip(",;: ").strip()
        if text:
            found.append((speaker, text))
    return found


_TURN_RE = re.compile(
    r"^[\"“‘'(\s]*(?:but|however|yet|still|though|nevertheless|nonetheless|even so|that said|"
    r"in fact|instead|later|hours later|days later)\b"
    r"|^[^,;:“”\"]{1,60},\s+(?:however|though|nonetheless|nevertheless),",
    re.IGNORECASE,
)


def turns_around(next_sentence: str) -> bool:
    """True when the sentence after a quote qualifies or reverses it ("But he later said ...",
    "However, ...", "He later walked the comments back"): the quote alone would mislead."""
    return bool(_TURN_RE.match(next_sentence)) or bool(
        re.search(r"\b(?:walked|took) (?:it|that|the \w+|(?:his|her|their) \w+) back\b|\bretracted\b|"
                  r"\bbacktracked\b|\bclarified\b", next_sentence[:160], re.IGNORECASE)
    )


def _same_person(a: str, b: str) -> bool:
    return a.split()[-1].lower() == b.split()[-1].lower()


_ROLE_WORDS = (
    r"President|Vice President|Prime Minister|Secretary|Minister|Chancellor|Senator|Sen\.|Rep\.|"
    r"Representative|Gov\.|Governor|Mayor|Judge|Justice|General|Gen\.|Ambassador|Chief|Director|"
    r"Commissioner|Spokesman|Spokeswoman|Spokesperson|Attorney General|District Attorney|Prosecutor|Leader|Chairman|Chairwoman|"
    r"Chair|Envoy|Adviser|Advisor|Commander|Admiral|Speaker|CEO|Officer|Sheriff|Coach|Professor"
)
_ROLE_WORD_RE = re.compile(rf"\b(?:{_ROLE_WORDS})(?!\w)", re.IGNORECASE)  # (not \b: "Sen." ends a role)
# a title cut short, written out in the role shown: "Sen. Marco Rubio" -> "Marco Rubio, Senator"
_TITLE_ABBREVIATIONS = {"Sen.": "Senator", "Rep.": "Representative", "Gov.": "Governor", "Gen.": "General",
                        "Lt.": "Lieutenant", "Col.": "Colonel", "Sgt.": "Sergeant", "Adm.": "Admiral", "Atty.": "Attorney"}
_BAD_ROLE_START = re.compile(
    r"^(?:who|which|that|said|says|and|but|or|as|in|on|at|when|where|while|after|before|told|"
    r"according|he|she|they|it|its|his|her|their|however|also|too|though|for|with|from|by|to)\b",
    re.IGNORECASE,
)


class Speakers:
    """The people one article names (briefing.context.NameBook) and the role each is given at
    first mention: "Rex Tillerson, U.S. Secretary of State" (apposition) or "U.S. Secretary of State
    Rex Tillerson" (a title before the name). Short forms ("Tillerson", "Ella") map to the full name."""

    def __init__(self, sentences: Sequence[str]):
        from briefing.context import NameBook

        self.sentences = sentences
        self.book = NameBook(sentences)
        self._roles: dict[str, str | None] = {}

    def name(self, speaker: str) -> str:
        words = [w for w in speaker.split() if w.rstrip(".") not in _TITLE_ONLY]
        name = self.book.canonical(" ".join(words) or speaker)
        if name not in self.book.full and len(words) > 2:  # "San Diego Lifeguard Lt. John Sandmeyer"
            for k in (3, 2):
                tail = self.book.canonical(" ".join(words[-k:]))
                if tail in self.book.full:
                    return tail
        return name

    def role(self, name: str) -> str | None:
        if name not in self._roles:
            self._roles[name] = self._find_role(name)
        return self._roles[name]

    def _find_role(self, name: str) -> str | None:
        if len(name.split()) < 2:
            return None
        for sentence in self.sentences:
            if name not in sentence:
                continue
            at = [m.start() for m in re.finditer(re.escape(name), sentence)] if sentence.count(name) > 1 else [
                sentence.index(name)
            ]
            for p in at:  # "Rex Tillerson, U.S. Secretary of State, said"
                m = _ROLE_AFTER.match(sentence, p + len(name))
                if m is None:
                    continue
                role = m.group("role").strip()
                if (
                    not _BAD_ROLE_START.match(role)
                    and len(role.split()) <= 12
                    and (_ROLE_WORD_RE.search(role) or role.split()[0].lower() in ("a", "an", "the"))
                    and not _VERB_RE.search(role)
                ):
                    return role
            m = None
            for p in at:  # "U.S. Secretary of State Rex Tillerson"
                end = p + len(name)
                if end < len(sentence) and _WORD_CHAR.match(sentence, end) and _WORD_CHAR.match(sentence, end - 1):
                    continue  # not a whole word (the \\b after the name)
                m = _ROLE_BEFORE.search(sentence, 0, p)
                if m:
                    break
            if m:
                words = re.split(r"\band\b", m.group("role"))[-1].split()  # "Tillerson and Defense Secretary"
                while words and (words[0].lower() in ("of", "for", "to", "the", "and", "on", "de", "du")
                                 or words[0] in _LEADING_JUNK):
                    words = words[1:]
                while words and words[-1].lower() in ("of", "for", "to", "the", "and", "on"):
                    words = words[:-1]
                role = " ".join(_TITLE_ABBREVIATIONS.get(w, w) for w in words)
                if words and _ROLE_WORD_RE.search(role) and not _BAD_ROLE_START.match(role):
                    return role
            return None  # the first mention gives no role
        return None


# The role patterns, compiled once: matched just after a name, or ending just before it.
_ROLE_AFTER = re.compile(rf",\s+(?P<role>[^,;:“”\"()]{{3,90}}?)(?:,|\s+(?:{_VERBS})\b|\.$)")
_ROLE_BEFORE = re.compile(
    r"(?P<role>(?:(?:[A-Z][\w.’'\-]*|of|for|to|the|and|on|de|du|coach|manager|spokesman|spokeswoman|spokesperson|"
    r"striker|quarterback|founder|lawyer|attorney|chief|director|president|minister|secretary|owner|chairman)\s+){1,8})\Z"
)
_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b")
_WORD_CHAR = re.compile(r"\w")


_TITLE_ONLY = frozenset(
    "Mr Mrs Ms Dr Sen Rep Gov Gen President Secretary Minister Senator Governor Mayor Judge Ambassador "
    "Chancellor Prof Professor".split()
)
_LEADING_JUNK = frozenset(
    "The A An But And Also However Earlier Later Meanwhile When While After Before Then In On At "
    "Speaking Asked".split()
)


def _titled_person(title: str, texts: Sequence[str]) -> str | None:
    """The last person texts name right after the title ("US President Donald Trump" for "US
    President"); None when none is."""
    pattern = re.compile(rf"\b{re.escape(title)}\s+(?P<name>{_WORD}(?:\s+{_WORD}){{1,3}})")
    for text in reversed(texts):
        found = [m.group("name") for m in pattern.finditer(text)]
        if found:
            return found[-1].rstrip(".,")
    return None


def _runs(spans: Sequence[tuple[int, int, int, str]]) -> Iterable[tuple[int, int, int, str]]:
    """Sentences, with a quotation that the splitter cut into several sentences joined again."""
    i = 0
    while i < len(spans):
        index, start, end, text = spans[i]
        j = i
        while text.count("“") > text.count("”") and j + 1 < len(spans) and j - i < 5:
            j += 1
            text = text + " " + spans[j][3]
            end = spans[j][2]
        yield index, start, end, text
        i = j + 1


class QuoteFinder:
    """Collects candidate quotes article by article; ``quotes()`` returns the brief's key quotes."""

    def __init__(
        self,
        *,
        max_quotes: int = 5,
        min_words: int = 6,
        max_words: int = 80,
        per_article: int = 4,
        per_speaker: int = 2,
        threshold: float = 0.6,
        pool: int = 400,
    ):
        self.max_quotes = max_quotes
        self.min_words = min_words
        self.max_words = max_words
        self.per_article = per_article
        self.per_speaker = per_speaker
        self.threshold = threshold
        self.pool = pool
        self._candidates: list[tuple[tuple, Quote]] = []
        self._order = 0
        self._articles: dict[str, int] = {}  # article id -> input order, for citation order
        # article id -> its sentences and, once built, the people it names: a speaker one article
        # calls by surname only is looked up in the others (``_full_name``)
        self._texts: dict[str, list[str]] = {}
        self._people: dict[str, Speakers] = {}

    def add(self, ref: SourceRef, spans: Iterable[SentenceSpan | tuple[int, int, int, str]]) -> None:
        """Look for quotes in one article's sentences."""
        if self.max_quotes <= 0:
            return
        rows = [
            (s.index, s.start, s.end, s.text) if isinstance(s, SentenceSpan) else tuple(s) for s in spans
        ]
        self._articles.setdefault(ref.id, len(self._articles))
        self._texts[ref.id] = [r[3] for r in rows]
        kept = 0
        runs = list(_runs(rows))
        people: Speakers | None = None
        for k, (index, start, end, text) in enumerate(runs):
            if kept >= self.per_article:
                break
            if "“" not in text and '"' not in text:
                continue
            found = find_quotes(text, min_words=self.min_words)
            if not found:
                continue
            if k + 1 < len(runs) and turns_around(runs[k + 1][3]):
                continue  # "But he later said ...": the quote alone would mislead
            people = people or self._people.get(ref.id) or Speakers(self._texts[ref.id])
            self._people[ref.id] = people
            for speaker, quote in found:
                n = len(quote.split())
                if n > self.max_words:
                    continue
                if speaker.split()[-1].rstrip(".") in _TITLE_ONLY:
                    # "..., the US President said: “...”": the person the article named with that title
                    # before ("US President Donald Trump"), or no quote (never "US" as the speaker)
                    titled = _titled_person(speaker, self._texts[ref.id][: index + 1])
                    if titled is None:
                        continue
                    speaker = titled
                name = people.name(speaker)
                citation = Citation(article_id=ref.id, source=ref.source, sentence=index, start=start, end=end)
                rank = (index, 0 if n >= 10 else 1, self._order)
                self._order += 1
                self._candidates.append((rank, Quote(
                    speaker=name, role=people.role(name), text=quote, citations=(citation,)
                )))
                kept += 1
        if len(self._candidates) > 4 * self.pool:
            self._candidates = sorted(self._candidates, key=lambda c: c[0])[: self.pool]

    def _full_name(self, quote: Quote, articles: Collection[str] | None) -> Quote:
        """A speaker its article calls by surname only ("Chen") under the one full name the brief's
        other articles give for that surname ("Chen Guangcheng"), with the role given there at first
        mention; unchanged when no article, or more than one person, fits."""
        if len(quote.speaker.split()) != 1 or not quote.speaker[:1].isupper():
            return quote
        surname = quote.speaker
        found: dict[str, str | None] = {}
        for article_id, texts in self._texts.items():
            if articles is not None and article_id not in articles:
                continue
            if not any(surname in t for t in texts):
                continue
            people = self._people.get(article_id)
            if people is None:
                people = self._people[article_id] = Speakers(texts)
            lower = None
            for full in people.book.full:
                if len(full.split()) > 1 and full.split()[-1] == surname:
                    if lower is None:
                        from briefing.context import lowercase_words

                        lower = lowercase_words(texts)
                    if full.split()[0].lower() in lower:
                        continue  # "Socialist Maduro": a word before the surname, not a first name
                    role = people.role(full)
                    found[full] = found.get(full) or role
        if len(found) != 1:
            return quote
        (full, role), = found.items()
        return quote.model_copy(update={"speaker": full, "role": quote.role or role})

    def _position(self, citation: Citation) -> tuple[int, int]:
        return self._articles.get(citation.article_id, len(self._articles)), citation.sentence

    def quotes(self, points: Iterable[Point] = (), articles: Collection[str] | None = None) -> tuple[Quote, ...]:
        """The key quotes: deduplicated across outlets, best first, at most max_quotes.

        A quote whose sentence is already one of ``points`` (the brief's bullets) is left out,
        so the table adds to the bullets rather than repeating them. articles: quote only these
        articles (a brief quotes the stories it shows, not the day's other articles).
        """
        if self.max_quotes <= 0:
            return ()
        candidates = self._candidates if articles is None else [
            c for c in self._candidates if c[1].citations[0].article_id in articles
        ]
        pool = sorted(candidates, key=lambda c: c[0])[: self.pool]
        groups: list[list] = []  # [first rank, quote, citations]
        for rank, quote in pool:
            for g in groups:
                if same_point(g[1].text, quote.text, self.threshold):
                    g[2].extend(c for c in quote.citations if c.article_id not in {x.article_id for x in g[2]})
                    if len(quote.text) > len(g[1].text) and g[1].speaker == quote.speaker:
                        g[1] = quote
                    elif _same_person(g[1].speaker, quote.speaker) and len(quote.speaker) > len(g[1].speaker):
                        g[1] = g[1].model_copy(update={"speaker": quote.speaker, "role": quote.role})
                    if g[1].role is None and quote.role and _same_person(g[1].speaker, quote.speaker):
                        g[1] = g[1].model_copy(update={"role": quote.role})
                    break
            else:
                groups.append([rank, quote, list(quote.citations)])
        merged = [
            (rank, quote.model_copy(update={"citations": tuple(sorted(cites, key=self._position))}))
            for rank, quote, cites in groups
        ]
        spans: dict[str, list[tuple[int, int]]] = {}
        for point in points:
            for c in point.citations:
                spans.setdefault(c.article_id, []).append((c.start, c.end))

        def repeated(quote: Quote) -> bool:
            return any(
                start < c.end and c.start < end for c in quote.citations for start, end in spans.get(c.article_id, ())
            )

        merged = [rq for rq in merged if not repeated(rq[1])]  # nothing said twice
        merged = [(rank, self._full_name(quote, articles)) for rank, quote in merged]
        merged = _one_name_each(merged)
        merged.sort(key=lambda rq: (-len(rq[1].sources), rq[0]))
        chosen: list[Quote] = []
        per_speaker: dict[str, int] = {}
        for _, quote in merged:
            key = quote.speaker.split()[-1].lower()
            if per_speaker.get(key, 0) >= self.per_speaker:
                continue
            per_speaker[key] = per_speaker.get(key, 0) + 1
            chosen.append(quote)
            if len(chosen) >= self.max_quotes:
                break
        return tuple(chosen)


def _one_name_each(ranked: list[tuple[tuple, Quote]]) -> list[tuple[tuple, Quote]]:
    """Across articles, a speaker named by surname alone ("Hristov") takes the full name and
    role another article gives ("Alexander Hristov"), when only one full name has that surname."""
    full: dict[str, set[str]] = {}
    roles: dict[str, str] = {}
    for _, q in ranked:
        if len(q.speaker.split()) > 1:
            full.setdefault(q.speaker.split()[-1], set()).add(q.speaker)
            if q.role:
                roles.setdefault(q.speaker, q.role)
    out = []
    for rank, q in ranked:
        names = full.get(q.speaker.split()[-1], set())
        if len(q.speaker.split()) == 1 and len(names) == 1:
            (name,) = names
            q = q.model_copy(update={"speaker": name, "role": q.role or roles.get(name)})
        elif q.role is None and q.speaker in roles:
            q = q.model_copy(update={"role": roles[q.speaker]})
        out.append((rank, q))
    return out


def extract_quotes(
    articles: Iterable, *, max_quotes: int = 5, spans: dict[str, Sequence[SentenceSpan]] | None = None
) -> tuple[Quote, ...]:
    """Key quotes of already-ingested articles (a convenience over QuoteFinder)."""
    from briefing.sentences import split_sentences

    finder = QuoteFinder(max_quotes=max_quotes)
    for a in articles:
        ref = SourceRef(id=a.id, source=a.source, title=a.title, date=a.date, url=a.url, path=a.path)
        finder.add(ref, (spans or {}).get(a.id) or split_sentences(a.text))
    return finder.quotes()
