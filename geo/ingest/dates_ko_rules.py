"""The rule table of Korean dates (:mod:`geo.ingest.dates_ko` resolves its matches): each rule one regular expression
over the sentence, longer forms first, with the parts they are built from (a year, a month, a day, "last year", a
span's tilde)."""

from __future__ import annotations

import re

#: A year: 2017년; also two digits, '05년 or 91년 (40-99 without the apostrophe: 1940-1999) when a
#: particle, a month or a stop follows ("91년에", "98년 4월"), not a count of years ("50년 동안",
#: "50년 채굴권", "60년 만에").
_Y = (r"(?P<y>(?:19|20)\d\d|(?:'\d\d|(?<![\d.,~∼〜～'])[4-9]\d)(?=\s*년(?:에|부터|까지|의|도|말|초|께|경|이후|\s*\d|\s*[,.)]|$)))"
      r"\s*년")
_M = r"(?P<m>1[0-2]|0?[1-9])\s*월"
#: Last year: 지난해, 작년, and 지난 해 written with a space (as a word: not 지난 해역, "the sea area").
_LAST = r"지난해|지난\s해(?=\s|에|의|도|는|보다|까지|부터|\d)|작년"
_D = r"(?P<d>3[01]|[12]\d|0?[1-9])\s*일"
#: A works named for a day, written straight after it ("9월21일제련소", "12월5일청년광산", "2.8직동청년탄광").
_NAMED_AFTER = re.compile(r"(?:청년)?(?:제련소|광산|탄광|공장|제철소|기업소|연합기업소|발전소|선광장|광업소)")

#: The tilde of a span as Korean text writes it: ASCII, the tilde operator (∼), the wave dash (〜), the
#: full-width tilde (～): "1∼4월" is "1~4월".
_TILDE = "[~∼〜～]"
#: Between the months of a span, also a hyphen or a dash ("지난 1-9월": the fifty-fifth trial read September alone).
_SPAN = "[~∼〜～\\-–]"

#: (pattern, what it gives). Longer forms first: the first rule to claim a span keeps it.
_RULES: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p), k) for p, k in (
    (_Y + r"\s*" + _M + r"\s*" + _D, "ymd"),
    # "오는 4월", "오는 4월 10일": the coming month (or day), ahead of the report: a plan's start
    (r"(?<![가-힣])오는\s*" + _M + r"(?:\s*" + _D + r")?", "coming"),
    # "오는 19일부터": the coming day N, this month or the next (ahead of the report, whatever verb ends the sentence)
    (r"(?<![가-힣])오는\s*" + _D, "coming_day"),
    # "2017년 대북제재가 부과된 이듬해": the year after the year named (up to 40 characters before)
    (_Y + r"[^.\d]{0,40}?(?:그\s*)?(?:이듬해|다음\s*해)", "next_year"),
    (_Y + r"\s*(?P<m1>1[0-2]|0?[1-9])\s*" + _SPAN + r"\s*" + _M, "ym_span"),  # 2017년 4~10월
    (r"(?:(?P<rel>" + _LAST + r"|올해|금년)\s*)?(?<![\d.])(?P<m1>1[0-2]|0?[1-9])\s*" + _SPAN + r"\s*" + _M, "month_span"),
    # "올해 1월에서 8월 사이", "1월부터 8월까지": the same span written out
    (r"(?:(?P<rel>" + _LAST + r"|올해|금년)\s*)?(?P<m1>1[0-2]|0?[1-9])\s*월\s*(?:에서|부터)\s*" + _M + r"\s*(?:사이|까지)",
     "month_span"),
    (_Y + r"\s*" + _M, "ym"),
    # "지난 1·2월 각각 …": the first month of a pair written with a middle dot (the second is a month of its own)
    (r"(?:(?P<rel>" + _LAST + r"|올해|금년)\s*)?(?<![\d.])(?P<m>1[0-2]|0?[1-9])(?=\s*[·ㆍ]\s*(?:1[0-2]|0?[1-9])\s*월)", "month_head"),
    (r"(?P<rel>" + _LAST + r"|올해|금년|올|내년)\s*" + _M, "rel_month"),  # 내년 3월: next year's March
    (r"(?:(?P<rel>" + _LAST + r"|올해|금년|올)\s*|" + _Y + r"\s*)?(?P<q>[1-4])\s*분기", "quarter"),  # 올해 1분기, 2010년 1분기
    # 올해 상반기, 지난 해 하반기, 2016년 상반기: a half-year, dated by its first month, ending with its last
    (r"(?:(?P<rel>" + _LAST + r"|올해|금년|올|내년)\s*|" + _Y + r"\s*)?(?P<h>[상하])\s*반기", "half"),
    (_M + r"\s*" + _D, "md"),
    # "N일 전", alone or with a particle (전에, 전부터): not 전했다 ("reported"), not '70일 전투' (the 70-day battle)
    (r"(?P<n>\d{1,3})\s*일\s*전(?=$|[^가-힣]|에|부터|까지|의|쯤|께|과|와|보다|만|은|도)", "days_ago"),
    # "3년 전", "두 해 전": that year; "6개월 전", "석 달 전": that month (not 전했다, "reported")
    (r"(?<![\d.])(?P<n>\d{1,2}|한|두|세|네|다섯)\s*(?:년|해)\s*전(?=$|[^가-힣]|에|부터|까지|의|쯤|께|만|은|도)", "years_ago"),
    (r"(?<![\d.])(?P<n>\d{1,2}|한|두|세|석|네|넉|다섯|여섯)\s*(?:개월|달)\s*전(?=$|[^가-힣]|에|부터|까지|의|쯤|께|만|은|도)",
     "months_ago"),
    # "내일(15일)부터": tomorrow, its day in brackets (not the 15th of a month before the report)
    (r"(?<![가-힣])내일(?:\s*\(\s*\d{1,2}\s*일\s*\))?", "tomorrow"),
    # a day, also right after a month another rule took ("지난해 9월4일": "지난해 9월", then its day)
    # (not a length: "3~4일만에 한 척", every three or four days; "10일간", "5일째")
    # (not "1일 수입량이 수천 톤", a day's amount, the sixty-first trial)
    (r"(?<!\d)" + _D + r"(?!\s*(?:간|동안|째|만에|만이|만의|만\s|평균|(?:수입|수출|생산|처리|운송|반출|채굴)량))", "day"),
    (_Y, "year"),
    (r"(?<![\d~∼〜～])" + _M, "month"),
    # (not "새해 첫 대북 제재", the year's first measure: an attribute of a noun, not when; "새해 첫 보름" is a span)
    (r"새해(?:\s*들어)?(?!\s*첫\s*(?!(?:한\s*)?(?:주|주일|보름|달|날|순|한\s*달|일주일|\d))\S)", "new_year"),
    (_LAST, "last_year"),
    (r"올해|금년", "this_year"),
    (r"지난달", "last_month"),
    (r"(?<!그\s)(?<!그)다음\s*달|내달", "next_month"),  # not 그 다음 달 (the month after a date told)
    (r"내년", "next_year_rel"),
    (r"이달|이번\s*달", "this_month"),
    (r"지난주", "last_week"),
    # "한 달 넘게 캐지 못하고": stopped for over a month, so since about a month before the report
    (r"(?P<n>한|두|세|석|네|넉|다섯|여섯|\d{1,2})\s*(?:달|개월)\s*(?:넘게|째|이상|가까이|동안|간)", "months_long"),
    # "2월 19일 … 중단하겠다고 밝힌 뒤 5개월 만에 다시 들여온": N months after the date the sentence named before
    (r"(?P<n>한|두|세|석|네|넉|다섯|여섯|\d{1,2})\s*(?:달|개월)\s*만(?:에|이다|인)", "months_after"),
    # "1년 넘게 멈춰 서 있다": stopped for over a year, so since about then (a few years at most: not a mine's
    # life, "40년 동안 캘 수 있다", nor "50년 동안")
    # (not a prison term: "징역 5년 이상", "5년 이상 징역을 살 수 있다")
    (r"(?<![\d.])(?<!징역 )(?<!징역)(?P<n>[1-5]|한|두|세|네|다섯)\s*(?:년|해)\s*(?:넘게|째|이상|가까이)"
     r"(?!\s*(?:의\s*)?(?:징역|실형|금고|노동교화|교화|수감|복역|형(?:을|에|이|으로)))", "years_long"),
    (r"최근", "recently"),
    (r"현재(?!까지)|지금(?=은|도|\s)|요즘", "now"),  # the report's own time: "현재는 전혀 캐지 못하고 있다", 요즘 (nowadays)
    (r"(?<![가-힣])어제(?=[^가-힣]|$|는|도|의|부터|까지|에|오후|오전|밤|저녁|아침|새벽)", "yesterday"),  # a word: not "열어제끼고"
))
