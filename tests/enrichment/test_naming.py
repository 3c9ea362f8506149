"""Name evidence: what a column name refers to."""

from __future__ import annotations

import pytest

from datadossier.enrichment.naming import (
    entity_words,
    hierarchy_hint,
    is_amount_like,
    is_key_like,
    json_leaf,
    refers_back,
    refers_to,
    same_word,
    singular,
    words,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CustomerID", ("customer", "id")),
        ("customer_id", ("customer", "id")),
        ("order-items", ("order", "items")),
        ("HTTPStatus", ("http", "status")),
        ("emp_no", ("emp", "no")),
        ("l_orderkey", ("l", "order", "key")),
        ("customerid", ("customer", "id")),
        ("valid", ("valid",)),
        ("paid", ("paid",)),
        ("covid", ("covid",)),  # (not cov, id: OWID's covid_data)
        ("surveymonkey", ("surveymonkey",)),  # (not surveymon, key: SurveyMonkey's exports)
        ("carid", ("car", "id")),
        # The TLC's FHV trips: capitals, then a known word in lower case.
        ("PUlocationID", ("pu", "location", "id")),
        ("DOlocationID", ("do", "location", "id")),
        ("PULocationID", ("pu", "location", "id")),
        ("IPaddress", ("ip", "address")),
        ("XCoordinate", ("x", "coordinate")),  # (no known word after XC)
        ("IDs", ("ids",)),
        ("user_URLs", ("user", "urls")),
    ],
)
def test_words(name: str, expected: tuple[str, ...]) -> None:
    assert words(name) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("customers", "customer"), ("categories", "category"), ("addresses", "address"), ("status", "status"), ("people", "person"), ("boxes", "box"),
     ("diabetes", "diabetes"), ("statistics", "statistics")],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_entity_words_drop_key_words() -> None:
    assert entity_words("order_item_id") == ("order", "item")
    assert entity_words("id") == ()
    assert is_key_like("emp_no")
    assert is_key_like("CustomerId")
    assert not is_key_like("full_name")


def test_codes_named_in_one_word_are_keys_and_bounds_of_a_range_are_not() -> None:
    # The Correlates of War's ccode, Polity's scode; MIMIC's ref_range_lower is a quantity.
    for name in ("ccode", "scode", "zipcode", "COWcode"):
        assert is_key_like(name), name
    for name in ("ref_range_lower", "ref_range_upper", "code_max", "decoded"):
        assert not is_key_like(name), name


def test_standard_article_numbers_are_identifiers() -> None:
    for name in ("isbn", "isbn13", "ISBN_10", "EAN13", "upc", "GTIN", "asin"):
        assert is_key_like(name), name
    for name in ("cusip", "NCUSIP", "cusip6", "ISIN", "sedol"):
        assert is_key_like(name), name
    for name in ("mean", "ocean", "upcoming", "isbnote", "raisin"):
        assert not is_key_like(name), name


def test_registry_numbers_are_identifiers_and_still_name_their_thing() -> None:
    # MarineCadastre's AIS reports keyed by MMSI, OpenSky's icao24, SAM.gov's UEI, NPPES's NPI.
    for name in ("MMSI", "IMO", "icao24", "vessel_mmsi", "DUNS", "UEI", "EIN", "LEI", "NPI", "CIK", "VIN"):
        assert is_key_like(name), name
    for name in ("pret_lei", "vintage", "mean", "duration"):
        assert not is_key_like(name), name
    assert refers_to("MMSI", "vessels", "MMSI") == 1.0


def test_government_abbreviations_of_codes_and_totals() -> None:
    # CMS and other public files: HCPCS_Cd, Rndrng_Prvdr_Ent_Cd, customer_nbr, Tot_Benes.
    assert is_key_like("HCPCS_Cd")
    assert is_key_like("customer_nbr")
    assert is_amount_like("Tot_Benes")
    assert is_amount_like("order_total")
    # A row's place among others is an ordering, not an amount: it may be part of a key.
    assert not is_amount_like("line_seq")
    assert not is_amount_like("sort_order")


@pytest.mark.parametrize(
    ("child", "table", "parent", "low", "high"),
    [
        ("customer_id", "customers", "id", 1.0, 1.0),  # entity + key word
        ("CustomerId", "customers", "customer_id", 1.0, 1.0),
        ("order_id", "orders", "order_id", 1.0, 1.0),  # the same specific name
        ("cust_id", "customers", "customer_id", 0.7, 0.8),  # abbreviation
        ("customer", "customers", "customer_id", 0.85, 0.9),  # no key word
        ("billing_customer_id", "customers", "id", 0.85, 0.95),  # a qualifier
        ("dept", "departments", "dept_code", 0.85, 0.9),
        ("id", "customers", "id", 0.0, 0.0),  # a bare id names nothing
        ("quantity", "products", "product_id", 0.0, 0.0),
        ("badge_holder", "employees", "emp_no", 0.0, 0.0),
        # TPC-H: table-initial prefixes and one-word keys.
        ("l_orderkey", "orders", "o_orderkey", 1.0, 1.0),
        ("ps_partkey", "part", "p_partkey", 1.0, 1.0),
        ("c_nationkey", "nation", "n_nationkey", 1.0, 1.0),
        ("l_suppkey", "supplier", "s_suppkey", 1.0, 1.0),
        ("o_custkey", "customer", "c_custkey", 1.0, 1.0),
        # Northwind.
        ("ShipVia", "shippers", "ShipperID", 0.6, 0.8),
        ("ReportsTo", "employees", "EmployeeID", 0.0, 0.0),
        ("TerritoryID", "territories", "TerritoryID", 1.0, 1.0),
        # Part of a longer entity's name: an invoice is not an invoice line.
        ("InvoiceId", "InvoiceLine", "InvoiceLineId", 0.0, 0.5),
        ("InvoiceId", "invoiceline", "InvoiceLineId", 0.0, 0.5),  # a lower-cased file name
        ("customer_id", "dim_customer", "customer_key", 1.0, 1.0),
        ("product_id", "tbl_products", "id", 1.0, 1.0),
        ("customer_id", "customers_export", "id", 1.0, 1.0),
        # The table's entity does not make every unique column of it its key (sakila).
        ("customer_id", "customer", "address_id", 0.0, 0.0),
        ("store_id", "store", "address_id", 0.0, 0.0),
        ("prod", "products", "sku", 0.8, 0.8),  # sku and product are one thing
        # The last word names the entity: a product category is not a product.
        ("ProductCategoryID", "Product", "ProductID", 0.0, 0.4),
        ("order_item_id", "orders", "order_id", 0.0, 0.4),
        ("SalesPersonID", "salesperson", "BusinessEntityID", 0.0, 0.0),  # not the table's own key
        ("order_item_id", "orderitems", "id", 1.0, 1.0),
    ],
)
def test_refers_to(child: str, table: str, parent: str, low: float, high: float) -> None:
    assert low <= refers_to(child, table, parent) <= high


def test_a_key_s_name_after_a_word_of_reference_refers_back_to_its_table() -> None:
    # PayPal's activity download: a refund's "Reference Txn ID" names its payment's
    # "Transaction ID"; Stripe-like exports write refunded_transaction_id.
    assert refers_back("Reference Txn ID", "Transaction ID")
    assert refers_back("refunded_transaction_id", "transaction_id")
    assert refers_back("related_order_id", "order_id")
    assert not refers_back("Transaction Ref", "Transaction ID")  # the row's own reference
    assert not refers_back("reference_customer_id", "order_id")
    assert not refers_back("parent_id", "id")  # (a bare id names nothing: hierarchy words say it)


def test_hierarchy_words() -> None:
    assert hierarchy_hint("reports_to")
    assert hierarchy_hint("manager_id")
    assert hierarchy_hint("parent_category_id")
    assert not hierarchy_hint("badge_holder")


def test_entities_from_names_then_columns() -> None:
    from datadossier.enrichment.entities import entity_from_columns, entity_type, says_nothing

    assert entity_type("order_items") == ("order line", 0.9)
    assert entity_type("Clients")[0] == "customer"
    assert entity_type("Teams")[0] == "team"  # as in sports data, not a department
    assert entity_type("depts")[0] == "department"
    assert entity_type("tbl_x")[1] < 0.5
    # The span a file covers, and an example file's prefix, name no entity.
    assert entity_type("Crimes_-_2001_to_Present")[0] == "crime"
    assert entity_type("all_month")[0] != "time period"
    assert entity_type("sales_by_month")[0] == "transaction"
    assert entity_type("dim_date")[0] == "time period"
    assert entity_type("sample_superstore")[0] != "measurement"
    assert entity_type("lab_samples")[0] == "lab sample"
    # The last word names the rows: the Play Store's user_reviews are reviews, not users;
    # words that qualify the file, or a grouping after "by", do not count.
    assert entity_type("user_reviews") == ("user review", 0.4)
    assert entity_type("customer_reviews")[0] == "customer review"
    assert entity_type("customers_master")[0] == "customer"
    assert entity_type("orders_2019")[0] == "order"
    assert entity_type("sales_by_region")[0] == "transaction"
    assert entity_type("order_products__prior")[0] == "order line"  # Instacart's order lines
    # A known entity before what the file studies of it (IBM's sample files): a customer a row.
    assert entity_type("WA_Fn-UseC_-Telco-Customer-Churn") == ("customer", 0.6)
    assert entity_type("WA_Fn-UseC_-HR-Employee-Attrition")[0] == "employee"
    # A service's name before its export's is no part of it.
    assert entity_type("stripe_refunds")[0] == "refund"
    # Names and acronyms that end in s stay whole (the ANES, IPUMS, Qualtrics and SurveyMonkey
    # exports); an SAP G/L line-item report holds journal entry lines, not order lines; CMS's
    # ICD-10-CM order file lists codes, not orders.
    assert entity_type("anes_timeseries_2020")[0] == "anes timeseries"
    assert entity_type("ipums_person")[0] == "ipums person"
    assert entity_type("qualtrics_export")[0] == "qualtrics"
    assert entity_type("surveymonkey_export")[0] == "surveymonkey"
    assert entity_type("hockey_players")[0] == "hockey player"
    assert entity_type("fbl3n_line_items")[0] == "journal entry line"
    # A version at a name's end goes, with a letter before it; a letter alone ending a name
    # stays (a vitamin, a tax schedule).
    assert entity_type("vitamin_d")[0] == "vitamin d"
    assert entity_type("schedule_c")[0] == "schedule c"
    # A file's version and letters at its name's end name no thing; NCES's short forms are
    # spelled out (ccd_sch_029_2223_w_1a_083023, the Common Core of Data's schools).
    assert entity_type("ccd_sch_029_2223_w_1a_083023")[0] == "school"
    assert entity_type("lea")[0] == "local education agency"
    assert entity_type("line_items")[0] != "order line"
    assert entity_type("icd10cm_order_2024")[0] == "icd10cm code"
    assert says_nothing("train")  # Titanic's train.csv: its rows are read from its key, as test.csv's
    assert says_nothing("export_2024")
    assert says_nothing("Sheet1")
    assert not says_nothing("countries")
    assert entity_from_columns(["id", "first_name", "email"], False) == ("person", 0.5)
    assert entity_from_columns(["id", "amount", "paid_at"], True) == ("transaction", 0.5)
    assert entity_from_columns(["id", "amount"], False) is None


def test_a_file_name_s_words_of_fetching_and_billing_documents_name_their_rows() -> None:
    from datadossier.enrichment.entities import entity_type

    # The IRS's Pub 78, data-download-pub78.txt: a list of organisations, not of downloads.
    assert entity_type("data_download_pub78")[0] != "download"
    # Chargebee's invoices.csv (Invoice Number "INV-00123", an amount due, a dunning status):
    # bills, which payments and credit notes cite, not transactions.
    assert entity_type("invoices")[0] == "invoice"
    assert entity_type("stripe_payments")[0] == "transaction"
    # CDISC's subject ids (SDTM's DM by USUBJID, SUBJID): a trial's subjects.
    assert entity_type("usubj")[0] == entity_type("subj")[0] == "subject"


def test_a_name_ending_in_s_that_no_plural_ends_so_stays_whole() -> None:
    from datadossier.enrichment.entities import entity_type

    # IEM's ASOS download (asos.csv), a Kronos/UKG timecard export (kronos_daily.csv), a
    # Metasys trend log (metasys_trend.csv): names of things, not plurals of "aso", "krono",
    # "metasy".
    assert entity_type("asos")[0] == "asos"
    assert entity_type("kronos_daily")[0] == "kronos daily"
    assert entity_type("metasys_trend")[0] == "metasys trend"
    # Plurals in "os" and "ys" still lose their s.
    for plural, one in (("photos", "photo"), ("todos", "todo"), ("radios", "radio"), ("surveys", "survey"), ("keys", "key")):
        assert singular(plural) == one, plural
    # A plural kept whole still names its rows' key (a Spanish table's pedidos, pedido_id).
    assert singular("pedidos") == "pedidos"
    assert refers_to("pedido_id", "pedidos", "id", own_key=True) == 1.0


def test_labels_drop_a_word_every_table_shares() -> None:
    from datadossier.enrichment.model import TableStats, with_labels

    def table(name: str) -> TableStats:
        return TableStats(name=f"src.{name}", relation="", rows=0, columns=())

    labels = [t.meaning for t in with_labels([table("olist_orders_dataset"), table("olist_customers_dataset")])]
    assert labels == ["orders", "customers"]
    labels = [t.meaning for t in with_labels([table("orders"), table("order_items")])]
    assert labels == ["orders", "order_items"]


def test_times_in_milliseconds_are_measures() -> None:
    # Formula 1's lap_times.milliseconds, a probe's lap_ms: amounts of time, never key parts.
    from datadossier.enrichment.naming import is_measure_like

    for name in ("milliseconds", "lap_ms", "duration_msec", "millis"):
        assert is_measure_like(name), name
    assert not is_measure_like("ms_id")


def test_a_shapefile_s_cut_names_still_say_identifier() -> None:
    # Chicago's community areas: AREA_NUMBE (AREA_NUMBER cut to a DBF's ten letters).
    from datadossier.enrichment.naming import is_key_like

    assert is_key_like("AREA_NUMBE")
    assert is_key_like("AREA_NUMBER")


def test_nhanes_sequence_number_is_an_identifier() -> None:
    # NHANES keys every file by SEQN, the respondent's sequence number; GeoNames' countries
    # by "#ISO".
    assert is_key_like("SEQN")
    assert is_key_like("#ISO")
    assert is_key_like("ISO3")


def test_a_name_ending_in_identifier_spelled_out_is_an_identifier_s() -> None:
    # App Store Connect's sales reports: "Apple Identifier" (a 10-digit app id) and "Parent
    # Identifier"; the Water Quality Portal's ActivityIdentifier. They name their thing as
    # "Apple ID" would.
    for name in ("Apple Identifier", "Parent Identifier", "Record Identifier", "ActivityIdentifier"):
        assert is_key_like(name), name
    assert entity_words("Apple Identifier") == ("apple",)
    assert not is_key_like("identified_by_name")


def test_units_of_measure_are_told_from_units_that_are_things() -> None:
    # WQP's ResultMeasure/MeasureUnitCode, MIMIC's valueuom, FAOSTAT's Unit: units of
    # measure; a PeopleSoft BUSINESS_UNIT, a flat's Housing Unit, a unit's id and a price per
    # unit are not.
    from datadossier.enrichment.naming import names_a_unit

    for name in ("ResultMeasure/MeasureUnitCode", "valueuom", "Unit", "UOM", "unit_of_measure", "dose_unit"):
        assert names_a_unit(name), name
    for name in ("BUSINESS_UNIT", "Housing Unit", "unit_id", "UnitPrice", "units_sold", "CharacteristicName"):
        assert not names_a_unit(name), name


@pytest.mark.parametrize(
    ("name", "leaf"),
    [
        # TTN's uplinks flattened from JSON: the last field names the value
        ("end_device_ids.dev_eui", "dev_eui"),
        ("uplink_message.rx_metadata[0].rssi", "rssi"),
        # dots that are no path: an abbreviation's, a version's
        ("Acct. No", "Acct. No"),
        ("No.", "No."),
        ("v.2", "v.2"),
    ],
)
def test_a_json_path_s_last_field_is_its_leaf(name: str, leaf: str) -> None:
    assert json_leaf(name) == leaf


@pytest.mark.parametrize(
    ("name", "key_like"),
    [
        # BambooHR's key, a purchase order's number
        ("Employee #", True),
        ("PO#", True),
        # a count
        ("# of Rooms", False),
        # a cell inventory's 3GPP cell identity; a confidence interval's bound
        ("CI", True),
        ("ci_lower", False),
    ],
)
def test_a_number_sign_after_a_name_and_a_cell_s_identity_name_keys(name: str, key_like: bool) -> None:
    assert is_key_like(name) is key_like


def test_a_back_office_service_s_name_before_its_export_s_is_no_part_of_the_entity() -> None:
    from datadossier.enrichment.entities import entity_type

    # A restaurant's back office: MarketMan's inventory counts and 7shifts' schedule export
    # (marketman_inventory_counts.csv, 7shifts_schedule.csv) were "marketman inventory count"
    # and "7shift schedule".
    assert entity_type("marketman_inventory_counts")[0] == "inventory count"
    assert entity_type("7shifts_schedule")[0] == "schedule"
    # A name that only starts with a number keeps it: a span, an ordinal, a survey's wave.
    assert entity_type("12month_rates")[0] == "12month rate"
    assert entity_type("2nd_round_picks")[0] == "2nd round pick"
    assert entity_type("gss7218_numeric")[0] == "gss7218 numeric"
    # A header/detail export's name, lower-cased whole (Toast's PaymentDetails), reads as
    # its words would: payments.
    assert entity_type("paymentdetails")[0] == "transaction"


def test_gs1_numbers_of_a_trade_item_name_one_code() -> None:
    # A POS's UPC, a European EAN-13 and an item master's GTIN-14 are one code at three widths.
    assert refers_to("UPC", "items", "GTIN") >= 0.9
    assert refers_to("upc_code", "products", "EAN13") >= 0.9
    assert refers_to("UPC-A", "items", "GTIN-14") >= 0.9
    assert refers_to("upcoming", "items", "GTIN") == 0.0
    assert refers_to("ISBN", "items", "GTIN") == 0.0


def test_a_parcel_s_numbers_as_mls_feeds_and_assessors_name_them_name_one_key() -> None:
    # RESO's MLS listings write ParcelNumber, Cook County's assessor roll PIN, California's
    # counties APN, Los Angeles AIN, CAMA exports PARID: the MLS-to-assessor link was missed.
    assert refers_to("ParcelNumber", "roll_2023", "PIN", own_key=True) >= 0.9
    assert refers_to("APN", "assessor_roll", "Parcel ID", own_key=True) >= 0.9
    assert refers_to("PARID", "parcels", "AIN", own_key=True) >= 0.9
    assert refers_to("PIN_14", "parcels", "PARCELNUMB", own_key=True) >= 0.9
    assert refers_to("Pin Code", "parcels", "APN", own_key=True) == 0.0  # (India's postal code)


def test_e_discovery_document_numbers_are_keys_and_family_names_self_references() -> None:
    # Relativity's and Concordance's load files: BEGDOC or BEGBATES keys them, BEGATTACH
    # names the family's first document.
    for name in ("BEGDOC", "BEGBATES", "ENDDOC", "CONTROLNUMBER", "DOCID", "Beg Bates"):
        assert is_key_like(name), name
    assert hierarchy_hint("BEGATTACH")
    assert hierarchy_hint("PARENT_DOCID")
    assert not hierarchy_hint("BEGDOC")


def test_an_erp_s_or_mes_s_name_and_sap_s_table_codes_are_no_part_of_the_entity() -> None:
    from datadossier.enrichment.entities import entity_type

    # A plant's extracts: SAP's AFRU and AFVC tables (sap_afru_confirmations.csv,
    # sap_afvc_operations.csv) were "sap afru confirmation" and "sap afvc operation".
    assert entity_type("sap_afru_confirmations")[0] == "confirmation"
    assert entity_type("sap_afvc_operations")[0] == "operation"
    assert entity_type("sap_confirmations")[0] == "confirmation"
    assert entity_type("mara")[0] == "mara"  # a code alone names the file
    # FactoryTalk's downtime events and a line's downtime_log were any "event".
    assert entity_type("factorytalk_downtime_events")[0] == "downtime event"
    assert entity_type("downtime_log")[0] == "downtime event"
    assert entity_type("web_events")[0] == "event"


def test_e_discovery_files_name_documents_and_of_stays_between_words() -> None:
    from datadossier.enrichment.entities import entity_type

    # A production's privilege_log.csv (Log No., Bates Range, Privilege Type) was an "event";
    # its loadfile.dat (BEGDOC, ENDDOC) a "loadfile", its images.opt (Opticon) an "image opt".
    assert entity_type("privilege_log")[0] == "withheld document"
    assert entity_type("loadfile")[0] == "document"
    assert entity_type("images_opt")[0] == "page image"
    assert entity_type("change_log")[0] == "event"
    # The FJC's nature_of_suit.csv (NOS codes) was a "nature suit".
    assert entity_type("nature_of_suit")[0] == "nature of suit"
    assert entity_type("bill_of_materials")[0] == "bill of material"


def test_labels_keep_a_shared_word_when_only_a_word_of_the_file_would_be_left() -> None:
    from datadossier.enrichment.entities import entity_type
    from datadossier.enrichment.model import TableStats, with_labels

    def table(name: str) -> TableStats:
        return TableStats(name=f"src.{name}", relation="", rows=0, columns=())

    # Dunnhumby's campaign_desc and campaign_table were "desc" and "table".
    labels = [t.meaning for t in with_labels([table("campaign_desc"), table("campaign_table")])]
    assert labels == ["campaign_desc", "campaign_table"]
    # A list of things with their descriptions holds the things.
    assert entity_type("campaign_desc")[0] == "campaign"


def test_labels_drop_the_versions_and_layout_letters_that_end_nces_file_names() -> None:
    from datadossier.enrichment.entities import entity_type
    from datadossier.enrichment.model import TableStats, with_labels

    def table(name: str) -> TableStats:
        return TableStats(name=f"src.{name}", relation="", rows=0, columns=())

    # An NCES download: the CCD's directory files (w, the wide layout) beside its membership
    # file (l, the long one) were "school w", "local education agency w" and "school l".
    names = ("ccd_sch_029_2223_w_1a_083023", "ccd_lea_029_2223_w_1a_083023", "ccd_sch_052_2223_l_1a_083023")
    labels = [t.meaning for t in with_labels([table(n) for n in names])]
    assert [entity_type(label)[0] for label in labels] == ["school", "local education agency", "school"]
    # A letter alone that ends a name stays (a vitamin).
    assert [t.meaning for t in with_labels([table("vitamin_d"), table("vitamin_c")])] == ["vitamin_d", "vitamin_c"]


def test_sessions_are_no_events() -> None:
    from datadossier.enrichment.entities import entity_type

    # A game's sessions.csv (session_id, player_id, start, end, duration) was an "event".
    assert entity_type("sessions")[0] == "session"
    assert entity_type("events")[0] == "event"


def test_a_scientific_data_archive_s_catalog_lists_datasets() -> None:
    from datadossier.enrichment.entities import entity_type

    # ESGF's CMIP6 catalog (esgf_catalog.csv, by instance_id, with each dataset's zstore) was
    # a "product"; a shop's catalog still lists products.
    assert entity_type("esgf_catalog")[0] == "dataset"
    assert entity_type("product_catalog")[0] == "product"
    assert entity_type("product_catalog_data")[0] == "product"


def test_a_letter_marking_a_word_s_kind_leaves_the_word_and_one_making_another_word_does_not() -> None:
    # PJM's pnode (a price node) is a node; a steam is no team, a sport no port, a wage no age.
    assert same_word("pnode", "node")
    assert same_word("node", "nnode")
    assert not same_word("steam", "team")
    assert not same_word("sport", "port")
    assert not same_word("wage", "age")
    assert not same_word("anode", "node")


def test_a_final_s_that_makes_no_plural_stays_and_a_possessive_names_nothing() -> None:
    from datadossier.enrichment.entities import entity_type

    # The MIT Election Lab's countypres_2000-2020.csv and 1976-2020-president's pres (a
    # presidential race's returns) were a "countypre" and a "pre"; a bookmaker's odds_feed an
    # "odd feed", a bettor's my_bets "my bet".
    assert entity_type("countypres")[0] == "countypres"
    assert entity_type("pres")[0] == "pres"
    assert entity_type("odds_feed")[0] == "odds feed"
    assert entity_type("player_stats")[0] == "player stats"
    assert entity_type("my_bets")[0] == "bet"
    # Plurals that only end so still lose their s.
    for plural, one in (("shops", "shop"), ("crops", "crop"), ("cypres", "cypre"), ("thermostats", "thermostat")):
        assert singular(plural) == one, plural


def test_labels_keep_a_shared_last_word_when_only_levels_of_a_grouping_differ() -> None:
    from datadossier.enrichment.model import TableStats, with_labels

    def table(name: str) -> TableStats:
        return TableStats(name=f"src.{name}", relation="", rows=0, columns=())

    # The MIT Election Lab's state_pres.csv and county_pres.csv (presidential returns by state
    # and by county) were labelled "state" and "county", as if they listed states and counties.
    labels = [t.meaning for t in with_labels([table("state_pres"), table("county_pres")])]
    assert labels == ["state_pres", "county_pres"]
    # A word of the file that every name ends with still goes.
    labels = [t.meaning for t in with_labels([table("orders_dataset"), table("customers_dataset")])]
    assert labels == ["orders", "customers"]


def test_a_key_word_before_a_word_of_the_file_is_part_of_the_entity() -> None:
    from datadossier.enrichment.entities import entity_type

    # The USPTO's trademark case_file.csv (one application a row, by serial_no) was a "file".
    assert entity_type("case_file")[0] == "case file"
    assert entity_type("data_export")[0] == "data export"  # (two words of a file, as before)


def test_a_catalog_lists_what_its_name_says_before_it() -> None:
    from datadossier.enrichment.entities import entity_type

    # A university's course_catalog.csv (subject, catalog_nbr, course_title, credits) was a
    # "product"; a shop's catalogs still list products.
    assert entity_type("course_catalog")[0] == "course"
    assert entity_type("course_catalogue_2024")[0] == "course"
    assert entity_type("catalog")[0] == "product"
    assert entity_type("product_catalog")[0] == "product"


def test_faostat_s_and_college_scorecard_s_words_of_the_file_name_no_entity() -> None:
    from datadossier.enrichment.entities import entity_type
    from datadossier.enrichment.model import TableStats, with_labels

    def table(name: str) -> TableStats:
        return TableStats(name=f"src.{name}", relation="", rows=0, columns=())

    # FAOSTAT's bulk download: Production_Crops_Livestock_E_All_Data_(Normalized).csv beside
    # its _E_AreaCodes, _E_ItemCodes and _E_Flags was "normalized", alone "production crop
    # livestock e normalized".
    data = "production_crops_livestock_e_all_data_normalized"
    names = [data, "production_crops_livestock_e_areacodes", "production_crops_livestock_e_itemcodes"]
    labels = [t.meaning for t in with_labels([table(n) for n in names])]
    assert labels == [data, "areacodes", "itemcodes"]
    assert entity_type(data)[0] == "production crop livestock"
    # College Scorecard's Most-Recent-Cohorts-Field-of-Study was a "most cohort field of study".
    assert entity_type("most_recent_cohorts_field_of_study")[0] == "cohort field of study"
    assert entity_type("most_valuable_players")[0] == "most valuable player"


def test_a_transfer_of_a_thing_other_than_money_is_no_transaction() -> None:
    from datadossier.enrichment.entities import entity_type

    # Etherscan's token transfers export (export-tokenholdings-transfers.csv, one ERC-20
    # transfer a row, several to a Txhash) was a "transaction", as the chain's transactions.csv
    # beside it is.
    assert entity_type("export_tokenholdings_transfers")[0] == "tokenholding transfer"
    assert entity_type("token_transfers")[0] == "token transfer"
    assert entity_type("stock_transfers")[0] == "stock transfer"
    # Transfers of money under any other word stay transactions.
    for money in ("bank_transfers", "transfers", "payment_transfers", "card_transfers", "internal_transfers"):
        assert entity_type(money)[0] == "transaction", money
