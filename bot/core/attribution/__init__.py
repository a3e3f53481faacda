"""Who said each sentence: rule-based attribution of direct, indirect and mixed speech.

Model-free on purpose: regular expressions and word lists (attribution_lexicon) find
cues ("said", "according to", "in a statement"), the speaker next to each cue (a
name, a pronoun, a role noun such as "the NATO chief", an organisation), the kind of
report, and the content. Per article, names are resolved to the fullest form the
article gives, role nouns to the person whose title fits, and pronouns to the most
recent compatible person. Quotations that run over several sentences or paragraphs
belong whole to the speaker named at either end.

The pipeline, per article:
  1. mask quotations per paragraph (attribution_text.scan_quotes);
  2. find name mentions and build the article's entities (names, titles, roles);
  3. per sentence, collect candidate frames around cues and keep the best one;
  4. resolve each frame's speaker (entity, pronoun, role noun, organisation);
  5. spread speakers over multi-sentence quotes and quote-only paragraphs.

"""

from .pipeline import attribute

__all__ = ["attribute"]
