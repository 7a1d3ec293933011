"""Portuguese contractions of 'em' and the article ('no Brasil', 'na Bahia', 'nos Açores'), read as 'em' in a brief
written in Portuguese: there 'no' before a name is 'in the', not English's 'no'."""

from __future__ import annotations

_CONTRACTIONS = frozenset({"no", "na", "nos", "nas"})
# everyday Portuguese words no English or Spanish brief writes: three of them (and more than the English ones)
# make a brief Portuguese
_PORTUGUESE = frozenset("""
não nao você vocês voce voces nós queremos precisamos procuramos estamos somos obrigado obrigada abraços abraço
valeu olá oi tudo criadores criadoras perfis seguidores também tambem então entao até ate com uma pra para porque
morem moram vivem baseados baseadas influenciadores influenciadoras conteúdo conteudo marca nossa nosso vídeo
vídeos campanha orçamento cachê
""".split())
_MIN_PORTUGUESE_WORDS = 3
# English words of a brief that mixes in Portuguese ones: where they are as many, 'no YouTube' stays a 'no'
_ENGLISH = frozenset("the and we need with who for our please want looking is are any of".split())


def as_portuguese_places(words: list[str]) -> None:
    """Rewrite, in place, 'no'/'na'/'nos'/'nas' before a capitalized word as 'em' when the brief is Portuguese."""
    lower = [word.lower() for word in words]
    portuguese = sum(word in _PORTUGUESE for word in lower)
    if portuguese < _MIN_PORTUGUESE_WORDS or portuguese <= sum(word in _ENGLISH for word in lower):
        return
    for k in range(len(words) - 1):
        if words[k] in _CONTRACTIONS and words[k + 1][:1].isupper():
            words[k] = "em"
