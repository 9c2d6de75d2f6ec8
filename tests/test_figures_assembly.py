"""How figure hits become figures: units read from around the quantity."""

from extract_fixtures import extractor

from amity.extract.documents import document_from_text


def figures(text: str):
    return extractor().extract(document_from_text("f", text, "2024-03-01")).figures


def test_an_amount_takes_the_currency_of_its_own_sentence():
    found = figures("Exports from Ghana to Togo reached $2 billion and imports 1.5 billion last year.")
    assert {(f.value, f.unit) for f in found} == {(2e9, "USD"), (1.5e9, "USD")}


def test_an_amount_far_from_any_currency_takes_none():
    filler = " ".join(["The two capitals also spoke about culture and sport."] * 8)
    found = figures(f"Trade between Ghana and Togo reached $2 billion. {filler} "
                    "The tourist flow from Ghana to Togo grew to about 1.5 million.")
    assert (1.5e6, "USD") not in {(f.value, f.unit) for f in found}


def test_a_count_takes_its_head_noun_as_unit():
    found = figures("Ghana and Togo signed fourteen investment agreements and 3 memorandums of understanding.")
    assert {f.unit for f in found} == {"agreements", "memorandums"}
    assert {f.unit for f in figures("About 2,000 young people from Ghana studied in Togo.")} == {"young people"}



def test_regions_are_counted_but_the_two_regions_are_no_count():
    found = figures("More than 80 Russian regions have direct ties with regions of Belarus.")
    assert [(f.value, f.unit) for f in found] == [(80, "regions")]
    assert figures("The two regions of Russia and Belarus agreed to cooperate in tourism.") == []


def test_bilateral_trade_is_the_pairs_and_dated_by_its_period_not_the_baseline():
    text = ("Argentina and Brazil.\nBilateral trade fell by 12 percent in January–June 2023 compared with the "
            "same period of 2022, to about 13 billion dollars, after a drought hit Argentine agriculture.")
    [amount] = [f for f in figures(text) if f.unit == "USD"]
    assert amount.date == "2023" and set(amount.subjects) == {"Argentina", "Brazil"}


def test_the_yen_sign_is_read_by_the_documents_states():
    [oda] = figures("Japan and the Philippines.\nJapan's ODA to the Philippines reached about ¥300 billion in 2022.")
    assert oda.unit == "JPY"
    [loans] = figures("China and Laos.\nChinese loans to Laos reached ¥40 billion in 2022.")
    assert loans.unit == "CNY"


def test_a_multiple_is_dated_by_its_own_period_not_the_one_it_is_compared_with():
    found = figures("Japan and the Philippines.\nIn 2023 the Philippines welcomed around 305,000 Japanese tourists, "
                    "2.5 times as many as in 2022.")
    assert {f.date for f in found} == {"2023"}


def test_a_change_on_a_year_is_dated_by_its_period_not_the_year_it_is_compared_with():
    found = figures("Ghana and Togo.\nTrade between Ghana and Togo reached $120 million last year, "
                    "up 35 percent on 2022.")
    assert {(f.unit, f.date) for f in found} == {("USD", "2023"), ("percent", "2023")}


def test_a_measured_figure_takes_no_date_the_document_puts_in_the_future():
    [stock] = figures("Ghana and Togo.\nInvestment from Ghana in Togo already exceeds $14 billion, and Togolese "
                      "firms are invited to the Accra fair next year.")
    assert stock.date is None
    [dated] = figures("Ghana and Togo.\nTrade between Ghana and Togo reached $3 billion in 2023.")
    assert dated.date == "2023"


def test_the_baseline_of_a_change_from_the_year_before_is_that_years():
    found = {f.value: f.date for f in figures("Egypt and Sudan.\nTrade amounted to 1.4 billion dollars in 2023, "
                                               "down from about 1.6 billion the year before.")}
    assert found == {1.4e9: "2023", 1.6e9: "2022"}


def test_a_state_named_inside_a_count_is_one_of_its_subjects():
    [count] = figures("Ghana and Togo.\nMore than 300 Ghanaian companies now operate in Togo.")
    assert set(count.subjects) == {"Ghana", "Togo"}
    [count] = figures("Portugal and Cape Verde.\nAbout 4,000 Cape Verdean students study in Portugal.")
    assert set(count.subjects) == {"Cape Verde", "Portugal"}


def test_a_count_per_day_or_week_is_a_rate_and_one_that_continues_is_no_goal():
    text = "Iraq and Jordan.\nIraq continues to supply Jordan with 10,000 barrels of crude oil per day."
    doc = extractor().extract(document_from_text("f", text, "2024-03-01"))
    assert [(f.value, f.unit) for f in doc.figures] == [(10000, "barrels per day")]
    assert not doc.goals


def test_a_population_is_no_figure_and_firms_are_companies():
    found = figures("Iraq and Turkey.\nIraq, home to some 46 million people, hosted 240 Turkish firms.")
    assert [(f.value, f.unit) for f in found] == [(240, "companies")]


def test_an_amount_after_the_people_it_counts_takes_them_as_unit_not_a_currency():
    found = figures("Vietnam and South Korea.\nTrade reached $80 billion, and Korean visitors to Vietnam "
                    "numbered 3.6 million last year.")
    assert (3.6e6, "visitors") in {(f.value, f.unit) for f in found}


def test_exports_to_one_of_the_pair_are_the_pairs_unless_a_third_party_is_named():
    [exports] = [f for f in figures("Serbia and China.\nExports to China rose to EUR 1.1 billion.") if f.unit == "EUR"]
    assert set(exports.subjects) == {"Serbia", "China"}
    [third] = [f for f in figures("Serbia and China.\nExports to China and the EU rose to EUR 1.1 billion.")
               if f.unit == "EUR"]
    assert "Serbia" not in third.subjects


def test_a_baseline_amount_keeps_its_own_year_and_does_not_lend_it_to_the_figure():
    found = {f.value: f.date for f in figures("Serbia and China.\nIn 2023, mutual trade stood at 1.9 billion "
                                               "dollars, up from 1.2 billion in 2021.")}
    assert found == {1.9e9: "2023", 1.2e9: "2021"}


def test_cfa_francs_are_the_franc_of_the_documents_states():
    west = figures("Senegal and Mali: trade between Senegal and Mali exceeded 160 billion CFA francs in 2023.")
    assert [(f.value, f.unit) for f in west] == [(160e9, "XOF")]
    central = figures("Cameroon and Chad: trade between Cameroon and Chad reached 90 billion francs in 2023.")
    assert [(f.value, f.unit) for f in central] == [(90e9, "XAF")]


def test_a_states_population_is_no_figure_of_the_relations():
    found = figures("Ghana and Togo. Togo has 9 million people, and 300 people from Ghana work there.")
    assert [(f.value, f.unit) for f in found] == [(300.0, "people")]
