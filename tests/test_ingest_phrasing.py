"""Issue 12: an inventory of the ordinary ways reports tell each kind of event, in English and Korean.

Written from general knowledge of how the press words these events (not from any evaluation
set), to widen the cue table ahead of the reports it has not met: each sentence must draft its
event type. Mines and minerals are the curated record's (Musan iron ore, Hyesan copper)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.ingest import extract
from geo.ingest.dates import find_dates
from tests.conftest import RECORD


@pytest.fixture(scope="module")
def record():
    from geo.rules.load import load_dataset

    return load_dataset(RECORD)


#: event type → sentences that tell it
CASES = {
 "export_halt": [
  "North Korea has suspended exports of iron ore from the Musan mine.",
  "Shipments of copper concentrate from the Hyesan mine ground to a halt last month.",
  "Exports of Musan iron ore dried up in March.",
  "Pyongyang froze sales of copper from the Hyesan mine to Chinese buyers.",
  "Iron ore exports from Musan were put on hold in April.",
  "The North stopped sending iron ore from the Musan mine to China.",
  "무산광산 철광석의 중국 수출이 전면 중단됐다.",
  "혜산광산의 구리 수출이 끊겼다고 소식통이 전했다.",
 ],
 "import_suspension": [
  "China suspended imports of North Korean iron ore from the Musan mine.",
  "Chinese buyers stopped buying copper from the Hyesan mine in May.",
  "Chinese customs halted clearance of iron ore trucks from Musan.",
  "China has refused to accept coal shipments from North Korea since February.",
  "중국 세관이 무산 철광석의 통관을 중단했다.",
  "중국이 북한산 석탄 수입을 중단했다.",
 ],
 "export_resumed": [
  "Exports of iron ore from the Musan mine resumed in June.",
  "Copper shipments from the Hyesan mine restarted last week.",
  "Iron ore from Musan began flowing to China again in May.",
  "Trucks carrying Musan iron ore crossed the border again in June after a pause.",
  "무산광산 철광석 수출이 지난달 재개됐다.",
  "혜산광산 구리의 중국 수출이 다시 시작됐다.",
 ],
 "export_continued": [
  "Iron ore from the Musan mine is still being shipped to China.",
  "Copper from the Hyesan mine continues to flow across the border.",
  "Despite the sanctions, Musan iron ore keeps going to China.",
  "Exports of iron ore from Musan have carried on as usual.",
  "무산광산 철광석은 지금도 중국으로 수출되고 있다.",
  "혜산광산의 구리는 여전히 중국으로 넘어가고 있다.",
 ],
 "smuggling": [
  "Traders smuggled copper from the Hyesan mine into China.",
  "Copper concentrate from the Hyesan mine was moved illicitly across the Yalu.",
  "Iron ore from Musan was sold to China as contraband.",
  "Smugglers bribed border guards to take Hyesan copper across the river.",
  "혜산광산의 구리가 몰래 중국으로 밀반출됐다.",
  "무산광산 철광석이 밀수로 중국에 넘어갔다.",
 ],
 "deal_signed": [
  "A Chinese firm signed a contract to develop the Musan iron ore mine.",
  "The two sides inked a deal on copper at the Hyesan mine.",
  "A memorandum of understanding was concluded on iron ore at the Musan mine.",
  "A Chinese company struck a deal to mine copper at Hyesan.",
  "The joint venture to develop the Hyesan copper mine was launched in May.",
  "중국 기업이 무산광산 철광석 개발 계약을 체결했다.",
  "양측은 혜산광산 구리 개발에 관한 양해각서를 맺었다.",
 ],
 "deal_collapsed": [
  "The Chinese investor pulled out of the Musan iron ore mine.",
  "The copper deal at the Hyesan mine fell through.",
  "The joint venture at the Musan iron mine broke down in 2012.",
  "The Chinese partner scrapped its contract for Hyesan copper.",
  "무산광산 철광석 합작 계약이 파기됐다.",
 ],
 "discovery": [
  "Geologists discovered a new copper deposit near the Hyesan mine.",
  "A large iron ore deposit was found near the Musan mine.",
  "Surveyors unearthed new copper reserves at Hyesan.",
  "무산 지역에서 새로운 철광석 매장지가 발견됐다.",
 ],
 "investment_offer": [
  "North Korea invited foreign investors to develop copper at the Hyesan mine.",
  "Pyongyang offered mining rights at the Musan iron ore mine to Chinese firms.",
  "North Korea is seeking investment in the Hyesan copper mine.",
  "북한이 혜산광산 구리 개발에 외국 투자를 유치하고 있다.",
 ],
 "production_change": [
  "Iron ore output at the Musan mine rose 20 percent last year.",
  "The Hyesan mine doubled its copper production in 2015.",
  "Production of iron ore at Musan fell sharply in 2017.",
  "The Musan mine cut its iron ore output because of power shortages.",
  "무산광산의 철광석 생산량이 지난해 크게 늘었다.",
  "혜산광산의 구리 생산이 줄었다.",
 ],
 "production_halt": [
  "Operations at the Musan iron ore mine were suspended because of power shortages.",
  "The Hyesan copper mine has been idle since March.",
  "Mining at the Musan iron mine stopped after the flood.",
  "The Hyesan copper mine was shut down in 2016.",
  "무산광산의 철광석 생산이 전력난으로 중단됐다.",
  "혜산 구리광산이 가동을 멈췄다.",
 ],
 "infrastructure": [
  "A new railway linking the Musan iron ore mine to the border was completed.",
  "A road from the Hyesan copper mine to the Yalu was opened in May.",
  "A power line to the Musan iron mine was built last year.",
  "무산광산과 국경을 잇는 철도가 개통됐다.",
 ],
 "sanction": [
  "The UN Security Council banned exports of North Korean iron ore.",
  "The new resolution prohibits sales of North Korean copper.",
  "The resolution capped North Korea's coal exports.",
  "유엔 안보리는 북한산 철광석 수출을 금지했다.",
 ],
 "designation": [
  "The Treasury designated a company that traded iron ore from the Musan mine.",
  "The US sanctioned two firms for buying North Korean coal.",
  "A shipping company that carried coal was blacklisted by the UN.",
  "미 재무부는 석탄을 거래한 회사를 제재 대상으로 지정했다.",
 ],
 "trade_figure": [
  "China imported 1.2 million tons of iron ore from North Korea in 2016.",
  "North Korea exported copper worth $50 million to China last year.",
  "Coal exports totalled $1.2 billion in 2016.",
  "북한은 지난해 중국에 철광석 100만t을 수출했다.",
 ],
}


#: More wordings: headlines, passives, nominalisations, hedges and Korean endings.
MORE = {
 "export_halt": [
  "N. Korea halts iron ore exports from Musan",
  "Iron ore from the Musan mine is reportedly no longer reaching China.",
  "Shipments of Hyesan copper have been frozen since the spring, a trader said.",
  "The North has banned the export of copper from the Hyesan mine.",
  "무산광산 철광석 수출이 중단된 것으로 전해졌다.",
  "북한 당국이 혜산광산 구리 수출을 금지했다고 소식통이 밝혔다.",
 ],
 "import_suspension": [
  "China halts imports of North Korean iron ore",
  "Chinese customs have stopped clearing iron ore from the Musan mine, traders said.",
  "China's commerce ministry announced a suspension of coal imports from North Korea.",
  "Beijing has stopped taking North Korean coal, customs data show.",
  "중국이 연말까지 북한산 철광석 수입을 전면 금지했다.",  # for a stated while: a suspension
 ],
 "export_resumed": [
  "Musan iron ore exports resume after two-month halt",
  "Exports of copper from the Hyesan mine have picked up again.",
  "The resumption of iron ore shipments from Musan was confirmed by traders.",
  "무산광산 철광석 수출이 석 달 만에 재개된 것으로 알려졌다.",
 ],
 "export_continued": [
  "Iron ore from the Musan mine continued to reach Chinese mills last month.",
  "Musan iron ore is being trucked to China every day, a source said.",
  "Copper from the Hyesan mine is still crossing into China despite the ban.",
  "무산광산 철광석이 계속 중국으로 넘어가고 있는 것으로 전해졌다.",
 ],
 "smuggling": [
  "Copper from the Hyesan mine is being smuggled across the Yalu at night.",
  "Smuggled iron ore from the Musan mine was found in a Dandong warehouse.",
  "Illegal exports of Hyesan copper are on the rise, sources say.",
  "혜산광산 구리를 몰래 팔아넘긴 밀수꾼들이 적발됐다.",
 ],
 "deal_signed": [
  "China's Wanxiang signs deal on Hyesan copper mine",
  "The agreement to develop the Musan iron ore mine was signed in Pyongyang.",
  "A Chinese firm has acquired the rights to mine iron ore at Musan.",
  "A contract for the joint development of the Hyesan copper mine was concluded last week.",
  "중국 기업이 무산광산 철광석 채굴권을 따냈다.",
 ],
 "deal_collapsed": [
  "Chinese investor quits Musan iron ore venture",
  "The Hyesan copper joint venture was dissolved last year.",
  "The contract for Musan iron ore was cancelled after the North raised prices.",
  "중국 업체가 무산광산 철광석 사업에서 철수했다.",
 ],
 "discovery": [
  "New copper deposit discovered near Hyesan",
  "A survey has confirmed large iron ore reserves at Musan.",
  "북한이 혜산 인근에서 대규모 구리 광상을 찾아냈다고 밝혔다.",
 ],
 "investment_offer": [
  "North Korea offers Hyesan copper mine rights to foreign investors",
  "Pyongyang is looking for investors to develop the Musan iron ore mine.",
  "북한이 무산광산 철광석 개발에 중국 자본을 끌어들이려 하고 있다.",
 ],
 "production_change": [
  "Musan iron ore output hits record high",
  "The Hyesan mine produced twice as much copper this year.",
  "Iron ore production at Musan has slowed because of power cuts.",
  "무산광산의 철광석 생산이 늘어난 것으로 나타났다.",
 ],
 "production_halt": [
  "Flooding halts work at the Musan iron ore mine",
  "Power shortages forced the Hyesan copper mine to stop operating.",
  "Work at the Musan iron ore mine has come to a standstill.",
  "혜산광산의 구리 채굴이 전면 중단됐다.",
 ],
 "infrastructure": [
  "A new bridge for Musan iron ore trucks opened over the Tumen.",
  "Construction of the railway to the Hyesan copper mine was finished in May.",
  "무산광산 철광석을 실어 나를 철도가 완공됐다.",
 ],
 "trade_figure": [
  "North Korea's iron ore exports to China were valued at $120 million in 2016.",
  "China bought 2 million tons of North Korean iron ore last year.",
  "Copper exports amounted to $30 million in the first half.",
  "North Korea earned $1.2 billion from coal exports in 2016.",
  "북한의 대중 철광석 수출액은 지난해 1억2천만 달러였다.",
 ],
}


#: Still more: attribution first, quotes, relative clauses, participles, passives, abbreviations.
STILL_MORE = {
 "export_halt": [
  "According to a source in Musan, the mine's iron ore has not been exported since March.",
  "\"We have not shipped any copper from Hyesan since the spring,\" a trader told RFA.",
  "DPRK suspends Musan iron ore sales to China",
  "Having stopped exporting iron ore from Musan, the North is short of cash.",
 ],
 "import_suspension": [
  "Chinese authorities have stopped letting trucks carrying Musan iron ore across the border.",
  "China's customs no longer accept iron ore from the Musan mine, traders say.",
  "China turned back North Korean coal ships at Dandong last week.",
 ],
 "export_resumed": [
  "After a three-month pause, trucks loaded with Musan iron ore are once again crossing into China.",
  "Hyesan copper is flowing to China again, a source said.",
 ],
 "export_continued": [
  "Iron ore from Musan is still making its way to Chinese steel mills, sources say.",
  "Despite the ban, copper concentrate from the Hyesan mine is being sold to Chinese traders.",
  "The Musan mine, which has kept exporting iron ore to China, is the North's largest.",
 ],
 "smuggling": [
  "Chinese smugglers are buying Hyesan copper concentrate at night across the Yalu.",
  "Border guards were bribed to let the copper from Hyesan through.",
  "A smuggling ring moving Musan iron ore into China was broken up last month.",
 ],
 "deal_signed": [
  "Wanxiang Group has agreed to invest in the Hyesan copper mine, the company said.",
  "The deal, signed in Pyongyang on Monday, gives a Chinese firm rights to Musan iron ore.",
  "Under the agreement reached last month, a Chinese firm will develop the Hyesan copper mine.",
 ],
 "deal_collapsed": [
  "The Chinese firm has walked away from its deal to develop the Musan iron ore mine.",
  "Plans to jointly develop the Hyesan copper mine were shelved last year.",
 ],
 "production_change": [
  "Output of iron ore at the Musan mine has plunged by half this year.",
  "The Hyesan mine has stepped up copper production, state media said.",
  "Musan's iron ore output is down sharply due to power shortages.",
 ],
 "production_halt": [
  "The Musan iron ore mine has been shut for weeks because of a power shortage.",
  "Work at the Hyesan copper mine stopped after the collapse.",
  "An explosion forced the Musan iron ore mine to halt operations.",
 ],
 "sanction": [
  "The UN has banned all purchases of North Korean iron ore.",
  "Resolution 2371 outlaws exports of North Korean iron ore.",
  "China announced a ban on imports of North Korean coal under the UN resolution.",
 ],
 "designation": [
  "The Treasury imposed sanctions on a company that exported Musan iron ore.",
  "Washington blacklisted three firms for trading North Korean coal.",
 ],
 "trade_figure": [
  "North Korea shipped 1.5 million tons of iron ore to China in 2016, customs data show.",
  "China's imports of North Korean coal totalled 22.5 million tons in 2016.",
  "Iron ore sales to China brought in $74 million last year.",
 ],
}


#: Korean wordings as RFA, Daily NK, Yonhap and KCNA's Korean service tell each kind of event.
KOREAN = {
 "export_halt": [
  "무산광산 철광석의 대중 수출길이 막혔다.",
  "혜산광산 구리의 중국 수출이 사실상 멈춘 상태라고 소식통은 전했다.",
  "북한이 무산광산 철광석 수출을 잠정 중단하기로 했다.",
  "무산 철광석이 더 이상 중국으로 나가지 않고 있다.",
 ],
 "import_suspension": [
  "중국 세관이 북한산 석탄의 통관을 막았다.",
  "중국이 석 달 동안 북한산 철광석 수입을 일시적으로 금지했다.",  # for a stated while: a suspension
  "중국 측이 무산 철광석을 받아주지 않고 있다.",
 ],
 "export_resumed": [
  "중단됐던 무산광산 철광석 수출이 최근 다시 시작됐다.",
  "혜산광산 구리의 대중 수출이 재개됐다고 소식통이 전했다.",
 ],
 "export_continued": [
  "무산광산 철광석은 대북제재에도 불구하고 여전히 중국으로 팔려 나가고 있다.",
  "혜산광산 구리는 요즘도 계속 중국에 넘어가고 있다.",
  "제재 속에서도 무산 철광석의 중국 수출은 꾸준히 이어지고 있다.",
 ],
 "smuggling": [
  "혜산광산 구리 정광이 밤마다 압록강을 건너 중국으로 밀수되고 있다.",
  "국경경비대가 뇌물을 받고 구리 밀수를 눈감아 주고 있다.",
  "무산 철광석을 몰래 중국에 팔던 일당이 적발됐다.",
 ],
 "deal_signed": [
  "중국 기업이 무산광산 철광석 개발 계약을 맺었다.",
  "북한과 중국은 혜산광산 구리 공동개발에 합의했다.",
  "중국 업체가 무산광산의 50년 채굴권을 따냈다.",
 ],
 "deal_collapsed": [
  "중국 기업이 무산광산 철광석 개발 사업에서 손을 뗐다.",
  "혜산광산 구리 합작 사업이 무산됐다.",
 ],
 "discovery": [
  "북한이 혜산 부근에서 새로운 구리 광맥을 발견했다고 밝혔다.",
  "무산 일대에서 대규모 철광석 매장지가 새로 확인됐다.",
 ],
 "investment_offer": [
  "북한이 무산광산 철광석 개발에 참여할 외국 투자자를 찾고 있다.",
  "북한은 혜산광산 구리 채굴권을 외국 기업에 넘기겠다고 제안했다.",
 ],
 "production_change": [
  "무산광산의 철광석 생산량이 지난해보다 30% 늘었다.",
  "전력난으로 혜산광산의 구리 생산이 크게 줄었다.",
  "무산광산이 철광석 생산 계획을 넘쳐 수행했다고 조선중앙통신이 보도했다.",
 ],
 "production_halt": [
  "정전으로 무산광산의 철광석 채굴이 멈췄다.",
  "혜산광산이 폭우로 물에 잠겨 구리 생산을 중단했다.",
  "무산광산 철광석 생산이 사실상 마비됐다.",
 ],
 "infrastructure": [
  "무산광산과 중국을 잇는 철광석 수송 도로가 새로 개통됐다.",
  "혜산광산 구리를 실어 나를 다리가 완공됐다.",
 ],
 "sanction": [
  "유엔 안보리는 북한산 석탄과 철광석의 수출을 전면 금지하는 결의를 채택했다.",
  "새 결의는 북한의 석탄 수출에 상한선을 뒀다.",
 ],
 "designation": [
  "미국 재무부는 석탄을 거래한 북한 회사를 제재 대상으로 지정했다.",
  "정부는 북한산 석탄을 실어 나른 선박을 독자 제재했다.",
 ],
 "trade_figure": [
  "북한은 지난해 중국에 석탄 2천만t을 팔았다.",
  "북한의 대중 철광석 수출액은 올해 1~6월 7천만 달러로 집계됐다.",
  "중국이 지난달 북한에서 들여온 석탄은 100만t이었다.",
 ],
}


#: A fifth inventory: other record mines and minerals, wire and state-media styles, ships and ports,
#: figures told through data, and the less common verbs of each kind of event.
FIFTH = {
 "export_halt": [
  "Zinc shipments from the Komdok mine to China have ceased, traders say.",
  "North Korea has stopped selling gold from the Daebong mine to Chinese dealers.",
  "Magnesite exports from Ryongyang were cut off in the autumn.",
  "Sales of Komdok zinc concentrate abroad came to an end in January.",
  "검덕광산 아연 정광의 중국 판매가 지난달부터 끊겼다.",
  "대봉광산 금의 대중 수출이 올해 들어 완전히 멈췄다.",
 ],
 "import_suspension": [
  "China has refused entry to North Korean coal cargoes since February.",
  "Chinese importers have stopped accepting zinc from the Komdok mine.",
  "Beijing blocked imports of North Korean iron ore at the border in April.",
  "Dandong customs are turning away trucks carrying Musan iron ore.",
  "중국 단둥 세관이 무산 철광석을 실은 트럭을 돌려보내고 있다.",
 ],
 "export_resumed": [
  "Komdok zinc is again being shipped to China after a long pause.",
  "North Korean coal shipments to China restarted in March.",
  "Gold from the Daebong mine has begun flowing to China once more.",
  "검덕광산 아연의 중국 수출이 반년 만에 다시 시작됐다.",
 ],
 "export_continued": [
  "A steady stream of trucks loaded with Musan iron ore crosses the Tumen every day.",
  "Komdok zinc concentrate keeps flowing to Chinese smelters, traders said.",
  "Coal from North Korea continues to arrive at Chinese ports.",
  "검덕광산 아연은 지금도 매일 중국으로 실려 나가고 있다.",
 ],
 "smuggling": [
  "Traders are sneaking gold from the Daebong mine into China through brokers.",
  "North Korean coal was transferred to a foreign tanker at sea in breach of sanctions.",
  "Ships disguised North Korean coal as Russian coal to evade the ban.",
  "Gold from Daebong is sold under the table to Chinese buyers.",
  "Komdok zinc has been slipped across the border on fishing boats.",
  "대봉광산 금이 중간상을 거쳐 중국으로 몰래 넘어가고 있다.",
  "북한산 석탄이 러시아산으로 둔갑해 팔려 나갔다.",
 ],
 "deal_signed": [
  "A Chinese company won the concession to mine zinc at Komdok.",
  "North Korea and a Chinese firm set up a joint venture to mine gold at Daebong.",
  "The two sides concluded an agreement on developing the Ryongyang magnesite mine.",
  "A Hong Kong firm secured the rights to extract molybdenum in North Korea.",
  "중국 기업이 검덕광산 아연 개발권을 확보했다.",
  "북한과 중국 업체가 대봉광산 금 합영회사를 세웠다.",
 ],
 "deal_collapsed": [
  "The joint venture to mine zinc at Komdok fell apart last year.",
  "A Chinese firm backed out of the deal to develop the Daebong gold mine.",
  "The agreement on Ryongyang magnesite was scrapped.",
  "대봉광산 금 개발 계약이 파기됐다.",
 ],
 "discovery": [
  "Geologists found a large gold deposit near the Daebong mine.",
  "A new vein of zinc ore was uncovered at the Komdok mine.",
  "북한이 새로운 금광맥을 찾았다고 조선중앙통신이 전했다.",
 ],
 "investment_offer": [
  "North Korea is pitching the Komdok zinc mine to foreign investors.",
  "Pyongyang invited Chinese companies to invest in the Daebong gold mine.",
  "The North is seeking partners to develop its magnesite deposits at Ryongyang.",
  "북한이 검덕광산 아연 개발에 외국 투자를 끌어들이려 하고 있다.",
 ],
 "production_change": [
  "The Komdok mine overfulfilled its zinc production plan, KCNA said.",
  "Miners at the Daebong mine raised gold output by a third.",
  "Zinc production at Komdok has fallen because of electricity shortages.",
  "The Ryongyang mine is producing more magnesite than ever, state media reported.",
  "검덕광산이 아연 생산 계획을 앞당겨 끝냈다.",
  "대봉광산의 금 생산량이 크게 늘었다고 소식통이 전했다.",
 ],
 "production_halt": [
  "Mining at Komdok came to a halt after the typhoon.",
  "The Daebong gold mine has been closed down because of flooding.",
  "A collapse at the Ryongyang mine stopped magnesite production.",
  "검덕광산이 태풍 피해로 아연 생산을 멈췄다.",
  "대봉광산이 침수돼 금 채굴이 중단됐다.",
 ],
 "sanction": [
  "The UN Security Council prohibited North Korean exports of zinc.",
  "유엔 안보리가 북한산 아연과 구리의 수출을 금지했다.",
 ],
 "designation": [
  "The US sanctioned two Chinese firms for buying North Korean coal.",
  "Treasury added a shipping company that carried North Korean coal to its sanctions list.",
  "미국이 북한산 석탄을 사들인 중국 회사 두 곳을 제재 대상에 올렸다.",
 ],
 "trade_figure": [
  "China imported 150,000 tons of North Korean zinc concentrate in 2016, according to customs data.",
  "Customs data showed North Korea's coal exports to China reached $1.1 billion in 2015.",
  "North Korea sold $40 million worth of zinc to China last year.",
  "Zinc exports to China totaled about $60 million in the first half of 2016.",
  "중국 해관 통계에 따르면 북한은 지난해 아연 15만t을 중국에 수출했다.",
  "북한의 대중 석탄 수출은 올해 상반기 5억 달러에 이르렀다.",
 ],
}


@pytest.mark.parametrize(("event_type", "sentence"), [(t, s) for d in (CASES, MORE, STILL_MORE, KOREAN, FIFTH)
                                                      for t, ss in d.items() for s in ss])
def test_each_ordinary_wording_drafts_its_event(record, event_type, sentence):
    got = {d.event_type for d in extract(sentence, "2017-08-01", "T", "", record).drafts}
    assert event_type in got, got


#: Sentences that tell no event: plans, forecasts, possibilities, questions, denials and
#: descriptions of a mine. (An offer stays readable under "would": an offer is conditional by nature.)
NEG = [
 "North Korea plans to resume iron ore exports from the Musan mine next year.",
 "Officials hope to export more copper from the Hyesan mine.",
 "China could ban imports of North Korean coal if tests continue.",
 "Analysts say exports of Musan iron ore may resume.",
 "It is unclear whether copper from the Hyesan mine is still exported.",
 "Will China stop buying North Korean coal?",
 "The Musan mine, Asia's largest open-pit iron mine, lies near the Tumen River.",
 "Hyesan is known for its copper mine.",
 "North Korea denied that it had exported iron ore from the Musan mine.",
 "The company said it had never signed a contract for the Hyesan copper mine.",
 "The Musan mine has iron ore reserves estimated at 3 billion tons.",
 "Copper is one of the minerals mined at Hyesan.",
 "The report did not say whether the Musan mine had stopped.",
 "North Korea is expected to increase iron ore output at the Musan mine.",
 "The ministry intends to sign a deal on the Hyesan copper mine next month.",
 "북한은 내년에 무산광산 철광석 수출을 재개할 계획이다.",
 "혜산광산의 구리 매장량은 세계적인 수준으로 알려져 있다.",
 "무산광산은 아시아 최대의 노천 철광산이다.",
 "중국이 북한산 석탄 수입을 중단할지는 알 수 없다.",
 # the fifth inventory's wordings under a plan, a possibility or a negation
 "The company hopes to win the concession to mine zinc at Komdok.",
 "Chinese traders said they might back out of the Komdok zinc deal.",
 "The Komdok mine could produce more zinc if power supplies improve.",
 # ordinary sentences the fifth inventory's wordings must leave alone (found in review)
 "Coal exports from the Musan mine slipped over the past quarter.",
 "A thinly disguised warning was issued at the Musan mine.",
 "UN investigators uncovered coal shipments from the Musan mine to Vietnam.",
 "Workers at the Musan mine were put on the list for a bonus.",
 "The meeting at the Musan mine came to an end in March.",
 "The Musan mine's production was more than 5 million tons of iron ore last year.",
 "Zinc exports from the Komdok mine dropped once more.",
 "1970년대에 조업을 시작한 무산광산은 아시아 최대의 노천 철광산이다.",
 "1935년 채굴을 시작한 이래 검덕광산은 아연을 캐 왔다.",
]


@pytest.mark.parametrize("sentence", NEG)
def test_plans_questions_denials_and_descriptions_draft_nothing(record, sentence):
    assert extract(sentence, "2017-08-01", "T", "", record).drafts == []


#: Date wordings → the date and precision they resolve to, published on Wednesday 20 June 2018.
DATE_CASES = [
 ("Exports stopped earlier this month.", "2018-06-01", "month"),
 ("Exports stopped late last year.", "2017-01-01", "year"),
 ("Exports stopped in mid-March.", "2018-03-01", "month"),
 ("Exports stopped at the end of January.", "2018-01-01", "month"),
 ("Exports stopped two weeks ago.", "2018-06-06", "approximate"),
 ("Exports stopped three months ago.", "2018-03-01", "month"),
 ("Exports have been halted since early 2017.", "2017-01-01", "year"),
 ("Exports fell in the first quarter.", "2018-01-01", "month"),
 ("Exports fell in the first quarter of 2017.", "2017-01-01", "month"),
 ("Exports fell in the second half of 2016.", "2016-07-01", "month"),
 ("Exports stopped last week.", "2018-06-13", "approximate"),
 ("Exports stopped on Monday.", "2018-06-18", "day"),
 ("Exports stopped last month.", "2018-05-01", "month"),
 ("Exports stopped this spring.", "2018-03-01", "month"),
 ("Exports stopped last summer.", "2017-06-01", "month"),
 ("Exports stopped in 2016.", "2016-01-01", "year"),
 ("Exports stopped on June 5.", "2018-06-05", "day"),
 ("Exports stopped on 5 June 2017.", "2017-06-05", "day"),
 ("Exports stopped over the weekend.", "2018-06-16", "approximate"),
 ("Exports stopped a few days ago.", "2018-06-17", "approximate"),
 ("Exports stopped recently.", "2018-06-20", "approximate"),  # about the report's time (round 40)
 ("Exports stopped between January and March.", "2018-01-01", "month"),
 ("Exports stopped in early May.", "2018-05-01", "month"),
 ("Exports stopped yesterday.", "2018-06-19", "day"),
 ("Exports stopped the previous month.", "2018-05-01", "month"),
]


@pytest.mark.parametrize(("text", "date", "precision"), DATE_CASES)
def test_each_ordinary_date_wording_resolves(text, date, precision):
    got = [(str(d.date), d.precision) for d in find_dates(text, dt.date(2018, 6, 20), None)
           if d.kind not in ("attribution", "comparison")]
    assert got[:1] == [(date, precision)], got


def test_a_verb_that_begins_like_a_mine_name_is_not_the_mine(record):
    """무산됐다 ("came to nothing") is not the Musan mine (무산)."""
    got = extract("혜산광산 구리 합작 사업이 무산됐다.", "2017-08-01", "T", "", record).drafts
    assert [(d.mines, d.event_type) for d in got] == [(["hyesan"], "deal_collapsed")]
