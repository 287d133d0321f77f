"""Reading marketplace text: the one place where detection, recall matching
and listing search learn how Japanese and English product text is written.

- :mod:`backend.text.fold` brings every spelling of a character to one form
  (width, case, hiragana/katakana);
- :mod:`backend.text.japanese` segments Japanese with a morphological
  analyser (fugashi + UniDic) and gives each word its lemma, its reading and,
  for loanwords, the original spelling UniDic records (ボッシュ → bosch);
- :mod:`backend.text.sound` compares words across scripts by how they sound
  (シャネル ~ chanel, ペツル ~ petzl), from romanised readings (pykakasi).
"""
