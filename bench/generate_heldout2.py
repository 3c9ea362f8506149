"""Write three more held-out multi-table datasets for key and foreign-key discovery, and check them.

    python bench/generate_heldout2.py --out bench/data/heldout2 [--seed 5]
    python bench/generate_heldout2.py --out bench/data/heldout2 --check

writes ``olist/``, ``sakila/`` and ``movielens/`` under ``--out`` in the format of
bench/generate_heldout.py (one CSV file per table, the file stem is the table name, and a
``truth.json`` that bench/relationships.py scores), with its helpers. Each dataset keeps the
public dataset's file, table and column names, its primary keys (``"key": []`` for a table
that has none), every foreign key of its schema and no other, and the quirks of the real data
that make discovery hard; ``facts`` in ``truth.json`` counts them. The data were written from
the schemas and the published descriptions of the real files, not from what a detector finds.

- ``olist``: the Brazilian e-commerce files (Kaggle, Olist) at about a third of their size
  (33,000 orders). All ids are 32-hex strings; an order has its own customer_id (1:1 with
  customers), the person behind it is customer_unique_id; review_id repeats across orders;
  two product categories are missing from the translation table; the geolocation file has
  exact duplicate rows, no key and no foreign key; zip prefixes are integers that lost their
  leading zero. Every product and every seller appears in order_items (the files were cut
  from the sales).
- ``sakila``: the MySQL sample schema (15 tables, without film_text) scaled to 2,000 films and
  40,000 rentals. Dense ids 1..N everywhere, two stores and two staff (ids 1 and 2 in many
  columns), last_update constant per table, every film in English (language_id 1),
  original_language_id nearly always empty, film_category one row per film, customer
  address_id = customer_id + 4, the last rentals all at one instant and never returned.
- ``movielens``: ml-latest-small (9,742 movies, about 96,000 ratings by 610 users, about 3,700
  tags). Sparse movieIds up to 193,609 but dense at the start, so userId (1..610, no users
  table, no foreign key) falls mostly inside movieId; imdbId as zero-padded text, a few
  tmdbIds empty; tags has no key.

Rows are drawn inside DuckDB from ``range()`` with the hash draws of bench/generate_schema.py
(olist), or from a ``random.Random`` seeded with the seed and the dataset name (sakila,
movielens). The same arguments give the same files. Integrity in ``truth.json`` is measured
from the written data; ``--check`` reads the CSV files back as text and verifies every number.
"""

from __future__ import annotations

import random
import sys
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate_heldout as heldout
from generate_heldout import (  # the format, the draws and the measures of the first held-out set
    Con,
    Dataset,
    load,
    words,
)
from generate_schema import _q, choice, fk

# -- olist ----------------------------------------------------------------------------------

# (state, lowest and highest zip prefix, share of customers, latitude and longitude of the capital)
OL_STATES = [
    ("SP", 1000, 19999, 42, -23.5, -46.6), ("RJ", 20000, 28999, 13, -22.9, -43.2),
    ("MG", 30000, 39999, 12, -19.9, -43.9), ("RS", 90000, 99999, 5.5, -30.0, -51.2),
    ("PR", 80000, 87999, 5, -25.4, -49.3), ("SC", 88000, 89999, 3.7, -27.6, -48.5),
    ("BA", 40000, 48999, 3.4, -12.97, -38.5), ("DF", 70000, 72799, 2.1, -15.8, -47.9),
    ("ES", 29000, 29999, 2, -20.3, -40.3), ("GO", 72800, 76799, 2, -16.7, -49.3),
    ("PE", 50000, 56999, 1.7, -8.05, -34.9), ("CE", 60000, 63999, 1.3, -3.7, -38.5),
    ("PA", 66000, 68899, 1, -1.45, -48.5), ("MT", 78000, 78899, 0.9, -15.6, -56.1),
    ("MA", 65000, 65999, 0.75, -2.5, -44.3), ("MS", 79000, 79999, 0.7, -20.4, -54.6),
    ("PB", 58000, 58999, 0.5, -7.1, -34.9), ("PI", 64000, 64999, 0.5, -5.1, -42.8),
    ("RN", 59000, 59999, 0.5, -5.8, -35.2), ("AL", 57000, 57999, 0.4, -9.6, -35.7),
    ("SE", 49000, 49999, 0.35, -10.9, -37.1), ("TO", 77000, 77999, 0.3, -10.2, -48.3),
    ("RO", 76800, 76999, 0.25, -8.8, -63.9), ("AM", 69000, 69299, 0.15, -3.1, -60.0),
    ("AC", 69900, 69999, 0.08, -9.97, -67.8), ("AP", 68900, 68999, 0.07, 0.03, -51.1),
    ("RR", 69300, 69399, 0.05, 2.8, -60.7),
]  # fmt: skip
OL_CITIES = {
    "SP": ["são paulo", "campinas", "guarulhos", "santo andré", "osasco", "são bernardo do campo",
           "ribeirão preto", "sorocaba", "santos", "jundiaí"],
    "RJ": ["rio de janeiro", "niterói", "nova iguaçu", "duque de caxias", "são gonçalo", "petrópolis"],
    "MG": ["belo horizonte", "juiz de fora", "uberlândia", "contagem", "betim"],
    "RS": ["porto alegre", "caxias do sul", "canoas", "pelotas"], "PR": ["curitiba", "londrina", "maringá"],
    "SC": ["florianópolis", "joinville", "blumenau"], "BA": ["salvador", "feira de santana"],
    "DF": ["brasília"], "ES": ["vitória", "vila velha", "serra"], "GO": ["goiânia", "anápolis"],
    "PE": ["recife", "olinda"], "CE": ["fortaleza"], "PA": ["belém"], "MT": ["cuiabá"], "MA": ["são luís"],
    "MS": ["campo grande"], "PB": ["joão pessoa"], "PI": ["teresina"], "RN": ["natal"], "AL": ["maceió"],
    "SE": ["aracaju"], "TO": ["palmas"], "RO": ["porto velho"], "AM": ["manaus"], "AC": ["rio branco"],
    "AP": ["macapá"], "RR": ["boa vista"],
}  # fmt: skip
OL_CATEGORIES = [
    ("cama_mesa_banho", "bed_bath_table"), ("beleza_saude", "health_beauty"),
    ("esporte_lazer", "sports_leisure"), ("moveis_decoracao", "furniture_decor"),
    ("informatica_acessorios", "computers_accessories"), ("utilidades_domesticas", "housewares"),
    ("relogios_presentes", "watches_gifts"), ("telefonia", "telephony"),
    ("ferramentas_jardim", "garden_tools"), ("automotivo", "auto"), ("brinquedos", "toys"),
    ("cool_stuff", "cool_stuff"), ("perfumaria", "perfumery"), ("bebes", "baby"),
    ("eletronicos", "electronics"), ("papelaria", "stationery"),
    ("fashion_bolsas_e_acessorios", "fashion_bags_accessories"), ("pet_shop", "pet_shop"),
    ("moveis_escritorio", "office_furniture"), ("consoles_games", "consoles_games"),
    ("malas_acessorios", "luggage_accessories"), ("construcao_ferramentas_construcao", "construction_tools_construction"),
    ("eletrodomesticos", "home_appliances"), ("instrumentos_musicais", "musical_instruments"),
    ("eletroportateis", "small_appliances"), ("casa_construcao", "home_construction"),
    ("livros_interesse_geral", "books_general_interest"), ("alimentos", "food"),
    ("moveis_sala", "furniture_living_room"), ("casa_conforto", "home_confort"),
    ("bebidas", "drinks"), ("audio", "audio"), ("market_place", "market_place"),
    ("construcao_ferramentas_iluminacao", "construction_tools_lights"), ("climatizacao", "air_conditioning"),
    ("moveis_cozinha_area_de_servico_jantar_e_jardim", "kitchen_dining_laundry_garden_furniture"),
    ("alimentos_bebidas", "food_drink"), ("industria_comercio_e_negocios", "industry_commerce_and_business"),
    ("livros_tecnicos", "books_technical"), ("telefonia_fixa", "fixed_telephony"),
    ("fashion_calcados", "fashion_shoes"), ("eletrodomesticos_2", "home_appliances_2"),
    ("construcao_ferramentas_jardim", "costruction_tools_garden"), ("agro_industria_e_comercio", "agro_industry_and_commerce"),
    ("artes", "art"), ("pcs", "computers"), ("sinalizacao_e_seguranca", "signaling_and_security"),
    ("construcao_ferramentas_seguranca", "construction_tools_safety"), ("artigos_de_natal", "christmas_supplies"),
    ("fashion_roupa_masculina", "fashion_male_clothing"), ("fashion_underwear_e_moda_praia", "fashion_underwear_beach"),
    ("fashion_esporte", "fashion_sport"), ("moveis_quarto", "furniture_bedroom"),
    ("construcao_ferramentas_ferramentas", "costruction_tools_tools"), ("tablets_impressao_imagem", "tablets_printing_image"),
    ("moveis_colchao_e_estofado", "furniture_mattress_and_upholstery"), ("livros_importados", "books_imported"),
    ("artigos_de_festas", "party_supplies"), ("fashion_roupa_feminina", "fashio_female_clothing"),
    ("cine_foto", "cine_photo"), ("musica", "music"), ("dvds_blu_ray", "dvds_blu_ray"),
    ("portateis_casa_forno_e_cafe", "small_appliances_home_oven_and_coffee"), ("flores", "flowers"),
    ("artes_e_artesanato", "arts_and_craftmanship"), ("casa_conforto_2", "home_comfort_2"),
    ("la_cuisine", "la_cuisine"), ("cds_dvds_musicais", "cds_dvds_musicals"),
    ("fraldas_higiene", "diapers_and_hygiene"), ("fashion_roupa_infanto_juvenil", "fashion_childrens_clothes"),
    ("seguros_e_servicos", "security_and_services"),
]  # fmt: skip
# In the real products file but not in the translation.
OL_UNTRANSLATED = ["pc_gamer", "portateis_cozinha_e_preparadores_de_alimentos"]
OL_TITLES = ["recomendo", "Super recomendo", "Bom", "Ótimo", "Excelente", "Muito bom", "Não recebi",
             "Péssimo", "Chegou antes do prazo", "Produto bom"]  # fmt: skip
OL_MESSAGE = [
    ["produto", "entrega", "o pedido", "a loja", "recebi", "chegou"],
    ["muito", "bem", "antes do prazo", "rápido", "certinho", "com defeito"],
    ["bom", "embalado", "e recomendo", "conforme anunciado", "mas veio errado", "parabéns"],
    ["e", "porém", "ainda", "super"], ["recomendo", "satisfeito", "não recebi", "ótimo"],
    ["a todos", "o vendedor", "a lannister", "obrigado"], ["nota", "10", "dez"], ["!"],
]  # fmt: skip


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _skew(n: int | str, salt: str, i: str, power: float) -> str:
    """An integer in 1..n, the first ones more frequent."""
    return f"(1 + floor(pow(u({i}, '{salt}'), {power}) * ({n})))::BIGINT"


def build_olist(con: Con, rng: random.Random, scale: float) -> None:
    """The nine Olist files at about a third of their size."""
    n_orders, n_products, n_sellers, n_zips = 33_000, 11_000, 1_000, 6_000
    con.execute(f"CREATE OR REPLACE TEMP MACRO hx(i, salt) AS md5(salt || ':{rng.random()}:' || i)")
    zips: list[tuple[Any, ...]] = []
    taken: set[int] = set()
    while len(zips) < n_zips:
        state, lo, hi, _share, lat, lng = rng.choices(OL_STATES, [s[3] for s in OL_STATES])[0]
        prefix = rng.randint(lo, hi)
        if prefix not in taken:
            taken.add(prefix)
            city = OL_CITIES[state][0] if rng.random() < 0.5 else rng.choice(OL_CITIES[state])
            zips.append((len(zips) + 1, prefix, city, _plain(city), state,
                         lat + rng.uniform(-1.5, 1.5), lng + rng.uniform(-1.5, 1.5)))  # fmt: skip
    load(con, "_zip", [("z", "INTEGER"), ("prefix", "INTEGER"), ("city", "VARCHAR"), ("city_plain", "VARCHAR"),
                       ("state", "VARCHAR"), ("lat", "DOUBLE"), ("lng", "DOUBLE")], zips)  # fmt: skip
    con.execute(f"""CREATE TABLE olist_customers_dataset AS SELECT hx(i, 'customer') AS customer_id,
        hx(CASE WHEN i > 1 AND u(i, 'c_repeat') < 0.03 THEN 1 + floor(u(i, 'c_prev') * (i - 1))::BIGINT
           ELSE i END, 'person') AS customer_unique_id,
        z.prefix AS customer_zip_code_prefix, z.city_plain AS customer_city, z.state AS customer_state
        FROM range(1, {n_orders + 1}) AS t(i) JOIN _zip AS z ON z.z = {_skew(n_zips, "c_zip", "i", 1.8)}
        ORDER BY i""")
    # Each zip prefix at least once (but every 50th, which customers may still use), then many
    # more points for the crowded ones, then a quarter of them again as exact duplicate rows.
    con.execute(f"""CREATE TEMP TABLE _geo AS SELECT g, z.prefix, z.state,
        z.lat + (u(g, 'g_lat') - 0.5) * 0.04 AS lat, z.lng + (u(g, 'g_lng') - 0.5) * 0.04 AS lng,
        CASE WHEN u(g, 'g_accent') < 0.8 THEN z.city ELSE z.city_plain END AS city
        FROM range(1, 75001) AS t(g)
        JOIN _zip AS z ON z.z = CASE WHEN g <= {n_zips} THEN g ELSE {_skew(n_zips, "g_zip", "g", 1.8)} END
        WHERE z.z % 50 <> 0""")
    con.execute("""CREATE TABLE olist_geolocation_dataset AS SELECT prefix AS geolocation_zip_code_prefix,
        lat AS geolocation_lat, lng AS geolocation_lng, city AS geolocation_city, state AS geolocation_state
        FROM (SELECT * FROM _geo UNION ALL SELECT * FROM _geo WHERE u(g, 'g_dup') < 0.25)""")
    con.execute(f"""CREATE TABLE olist_sellers_dataset AS SELECT hx(s, 'seller') AS seller_id,
        z.prefix AS seller_zip_code_prefix, z.city_plain AS seller_city, z.state AS seller_state
        FROM range(1, {n_sellers + 1}) AS t(s) JOIN _zip AS z ON z.z = {_skew(n_zips, "s_zip", "s", 1.8)}""")
    load(
        con,
        "product_category_name_translation",
        [("product_category_name", "VARCHAR"), ("product_category_name_english", "VARCHAR")],
        OL_CATEGORIES,
    )
    categories = [c for c, _ in OL_CATEGORIES]
    categories[30:30] = OL_UNTRANSLATED
    # Product p <= n_sellers belongs to seller p, so that every seller sells.
    con.execute(f"""CREATE TEMP TABLE _prod AS SELECT p, hx(p, 'product') AS product_id,
        CASE WHEN p <= {n_sellers} THEN p ELSE {_skew(n_sellers, "p_seller", "p", 2.0)} END AS s,
        CAST(exp(1.5 + pow(u(p, 'p_price'), 1.4) * 5.5) AS DECIMAL(10,2)) AS price,
        u(p, 'p_nocat') < 0.0185 AS nocat, u(p, 'p_nodim') < 0.0003 AS nodim
        FROM range(1, {n_products + 1}) AS t(p)""")
    measure = "CASE WHEN {0} THEN NULL ELSE ({1} + floor(pow(u(p, '{2}'), {3}) * {4}))::INTEGER END AS {2}"
    con.execute(f"""CREATE TABLE olist_products_dataset AS SELECT product_id,
        CASE WHEN nocat THEN NULL ELSE {choice(categories, "p_category", "p", skew=1.7)} END AS product_category_name,
        {measure.format("nocat", 5, "product_name_lenght", 0.7, 72)},
        {measure.format("nocat", 4, "product_description_lenght", 2, 3989)},
        {measure.format("nocat", 1, "product_photos_qty", 3, 20)},
        {measure.format("nodim", 0, "product_weight_g", 3, 40426)},
        {measure.format("nodim", 7, "product_length_cm", 1.5, 99)},
        {measure.format("nodim", 2, "product_height_cm", 2, 104)},
        {measure.format("nodim", 6, "product_width_cm", 1.5, 113)}
        FROM _prod ORDER BY p""")
    # Every 211th order was placed in the same second as the one before.
    con.execute(f"""CREATE TEMP TABLE _ord0 AS SELECT i, st, ts,
        CASE WHEN st = 'created' OR (st = 'canceled' AND u(i, 'o_noapp') < 0.3) THEN NULL
             ELSE ts + to_seconds(60 + floor(pow(u(i, 'o_app'), 3) * 172800)::BIGINT) END AS approved,
        CASE WHEN st IN ('unavailable', 'created') OR (st = 'canceled' AND u(i, 'o_noitems') < 0.5) THEN 0
             WHEN u(i, 'o_n') < 0.9 THEN 1 WHEN u(i, 'o_n') < 0.975 THEN 2 WHEN u(i, 'o_n') < 0.99 THEN 3
             WHEN u(i, 'o_n') < 0.996 THEN 4 ELSE 5 + floor(u(i, 'o_n2') * 2)::INTEGER END AS nitems
        FROM (SELECT i, TIMESTAMP '2016-09-04 21:15:19' + to_seconds(floor(pow(u(
                  CASE WHEN i % 211 = 0 THEN i - 1 ELSE i END, 'o_ts'), 0.75) * 66800000)::BIGINT) AS ts,
              CASE WHEN u(i, 'o_st') < 0.970 THEN 'delivered' WHEN u(i, 'o_st') < 0.981 THEN 'shipped'
                   WHEN u(i, 'o_st') < 0.987 THEN 'canceled' WHEN u(i, 'o_st') < 0.993 THEN 'unavailable'
                   WHEN u(i, 'o_st') < 0.996 THEN 'invoiced' WHEN u(i, 'o_st') < 0.999 THEN 'processing'
                   WHEN u(i, 'o_st') < 0.9995 THEN 'created' ELSE 'approved' END AS st
              FROM range(1, {n_orders + 1}) AS t(i))""")
    con.execute("""CREATE TEMP TABLE _ord AS SELECT i, hx(i, 'order') AS order_id, hx(i, 'customer') AS customer_id,
        st AS order_status, ts AS order_purchase_timestamp, approved AS order_approved_at,
        carrier AS order_delivered_carrier_date,
        CASE WHEN st = 'delivered' AND u(i, 'o_lost') >= 0.0005
             THEN carrier + to_seconds(86400 + floor(pow(u(i, 'o_del'), 1.5) * 2592000)::BIGINT) END
             AS order_delivered_customer_date,
        date_trunc('day', ts) + to_days((10 + floor(u(i, 'o_est') * 45))::INTEGER) AS order_estimated_delivery_date,
        nitems
        FROM (SELECT *, CASE WHEN st IN ('delivered', 'shipped') OR (st = 'canceled' AND u(i, 'o_car') < 0.1)
                        THEN approved + to_seconds(21600 + floor(u(i, 'o_car2') * 518400)::BIGINT) END AS carrier
              FROM _ord0)""")
    con.execute(
        """CREATE TABLE olist_orders_dataset AS SELECT * EXCLUDE (i, nitems) FROM _ord ORDER BY i"""
    )
    # Lines 1..n_products sell products 1..n_products once each; the rest repeat popular ones,
    # most multi-unit orders one product several times.
    con.execute(f"""CREATE TEMP TABLE _items AS SELECT *, CASE WHEN rn <= {n_products} THEN rn ELSE
            {_skew(n_products, "l_prod", "CASE WHEN u(i, 'l_same') < 0.7 THEN i * 8 ELSE i * 8 + item END", 2.5)}
        END AS pk FROM (SELECT i, item, row_number() OVER (ORDER BY i, item) AS rn
              FROM (SELECT i, unnest(range(1, nitems + 1)) AS item FROM _ord WHERE nitems > 0))""")
    con.execute(f"""CREATE TABLE olist_order_items_dataset AS SELECT o.order_id, l.item::INTEGER AS order_item_id,
        p.product_id,
        hx(CASE WHEN l.rn > {n_products} AND u(l.rn, 'l_other') < 0.08
                THEN {_skew(n_sellers, "l_seller", "l.rn", 2.0)} ELSE p.s END, 'seller') AS seller_id,
        o.order_purchase_timestamp + INTERVAL 6 DAY AS shipping_limit_date, p.price,
        CAST(CASE WHEN u(l.rn, 'l_free') < 0.004 THEN 0 ELSE 4 + pow(u(l.rn, 'l_freight'), 2.5) * 120 END
             AS DECIMAL(10,2)) AS freight_value
        FROM _items AS l JOIN _ord AS o USING (i) JOIN _prod AS p ON p.p = l.pk ORDER BY l.i, l.item""")
    # One delivered order has no payment; vouchers split the others into several.
    con.execute("""CREATE TEMP TABLE _pay AS SELECT o.i, o.order_id, t.total,
        CASE WHEN u(o.i, 'y_n') < 0.965 THEN 1 WHEN u(o.i, 'y_n') < 0.99 THEN 2
             ELSE 3 + floor(u(o.i, 'y_n2') * 4)::INTEGER END AS nseq
        FROM _ord AS o LEFT JOIN (SELECT order_id, sum(price + freight_value) AS total
                                  FROM olist_order_items_dataset GROUP BY ALL) AS t USING (order_id)
        WHERE o.i <> coalesce((SELECT min(i) FROM _ord WHERE order_status = 'delivered'
                               AND u(i, 'y_none') < 0.001), 0)""")
    con.execute("""CREATE TABLE olist_order_payments_dataset AS
        SELECT order_id, seq::INTEGER AS payment_sequential, typ AS payment_type,
        CASE WHEN typ <> 'credit_card' THEN 1 WHEN u(k, 'y_zero') < 0.0002 THEN 0
             ELSE 1 + floor(pow(u(k, 'y_inst'), 2.2) * 24)::INTEGER END AS payment_installments,
        CAST(CASE WHEN nseq = 1 THEN coalesce(total, 20 + u(k, 'y_val') * 300)
                  ELSE coalesce(total, 80) * (0.2 + u(k, 'y_part')) / nseq END AS DECIMAL(10,2)) AS payment_value
        FROM (SELECT *, i * 8 + seq AS k,
                     CASE WHEN seq > 1 THEN 'voucher' WHEN u(i, 'y_t') < 0.755 THEN 'credit_card'
                          WHEN u(i, 'y_t') < 0.955 THEN 'boleto' WHEN u(i, 'y_t') < 0.985 THEN 'voucher'
                          ELSE 'debit_card' END AS typ
              FROM (SELECT *, unnest(range(1, nseq + 1)) AS seq FROM _pay))""")
    # A review (rid) is drawn once; about 0.8% of them are shared by the next order, and 0.5% of
    # the orders get a second review.
    con.execute(f"""CREATE TEMP TABLE _rev AS
        SELECT i, CASE WHEN i > 1 AND u(i, 'r_share') < 0.008 THEN i - 1 ELSE i END AS rid
        FROM range(1, {n_orders + 1}) AS t(i) WHERE u(i, 'r_none') >= 0.008
        UNION ALL SELECT i, {n_orders} + i FROM range(1, {n_orders + 1}) AS t(i)
        WHERE u(i, 'r_second') < 0.005 AND u(i, 'r_none') >= 0.008""")
    created = (
        "date_trunc('day', coalesce(b.order_delivered_customer_date, b.order_estimated_delivery_date))"
        " + INTERVAL 1 DAY"
    )
    con.execute(f"""CREATE TABLE olist_order_reviews_dataset AS SELECT hx(r.rid, 'review') AS review_id, o.order_id,
        CASE WHEN u(rid, 'r_s') < 0.115 THEN 1 WHEN u(rid, 'r_s') < 0.147 THEN 2 WHEN u(rid, 'r_s') < 0.23 THEN 3
             WHEN u(rid, 'r_s') < 0.423 THEN 4 ELSE 5 END AS review_score,
        CASE WHEN u(rid, 'r_title') < 0.88 THEN NULL ELSE {choice(OL_TITLES, "r_title2", "rid")} END
            AS review_comment_title,
        CASE WHEN u(rid, 'r_msg') < 0.59 THEN NULL ELSE {words(OL_MESSAGE, 2, 8, "r_msg2", "rid")} END
            AS review_comment_message,
        {created} AS review_creation_date,
        {created} + to_seconds(3600 + floor(u(rid, 'r_ans') * 345600)::BIGINT) AS review_answer_timestamp
        FROM _rev AS r JOIN _ord AS o USING (i)
        JOIN _ord AS b ON b.i = CASE WHEN r.rid > {n_orders} THEN r.rid - {n_orders} ELSE r.rid END""")


def olist_facts(con: Con) -> dict[str, Any]:
    queries = {
        "orders_without_items": "SELECT count(*) FROM olist_orders_dataset WHERE order_id NOT IN"
        " (SELECT order_id FROM olist_order_items_dataset)",
        "orders_without_payment": "SELECT count(*) FROM olist_orders_dataset WHERE order_id NOT IN"
        " (SELECT order_id FROM olist_order_payments_dataset)",
        "orders_without_review": "SELECT count(*) FROM olist_orders_dataset WHERE order_id NOT IN"
        " (SELECT order_id FROM olist_order_reviews_dataset)",
        "review_ids_on_several_orders": "SELECT count(*) FROM (SELECT review_id FROM olist_order_reviews_dataset"
        " GROUP BY ALL HAVING count(*) > 1)",
        "orders_with_several_reviews": "SELECT count(*) FROM (SELECT order_id FROM olist_order_reviews_dataset"
        " GROUP BY ALL HAVING count(*) > 1)",
        "orders_customer_id_unique": "SELECT count(*) = count(DISTINCT customer_id) FROM olist_orders_dataset",
        "persons_with_several_customer_ids": "SELECT count(*) FROM (SELECT customer_unique_id"
        " FROM olist_customers_dataset GROUP BY ALL HAVING count(*) > 1)",
        "products_without_category": "SELECT count(*) FROM olist_products_dataset WHERE product_category_name IS NULL",
        "categories_missing_from_translation": "SELECT count(DISTINCT product_category_name)"
        " FROM olist_products_dataset WHERE product_category_name NOT IN"
        " (SELECT product_category_name FROM product_category_name_translation)",
        "products_never_sold": "SELECT count(*) FROM olist_products_dataset WHERE product_id NOT IN"
        " (SELECT product_id FROM olist_order_items_dataset)",
        "sellers_without_sales": "SELECT count(*) FROM olist_sellers_dataset WHERE seller_id NOT IN"
        " (SELECT seller_id FROM olist_order_items_dataset)",
        "customer_zip_prefixes_not_in_geolocation": "SELECT count(DISTINCT customer_zip_code_prefix)"
        " FROM olist_customers_dataset WHERE customer_zip_code_prefix NOT IN"
        " (SELECT geolocation_zip_code_prefix FROM olist_geolocation_dataset)",
        "geolocation_exact_duplicate_rows": "SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT *"
        " FROM olist_geolocation_dataset)) FROM olist_geolocation_dataset",
        "geolocation_distinct_zip_prefixes": "SELECT count(DISTINCT geolocation_zip_code_prefix)"
        " FROM olist_geolocation_dataset",
    }
    return {name: _one(con, sql) for name, sql in queries.items()}


def _one(con: Con, sql: str) -> Any:
    row = con.execute(sql).fetchone()
    assert row is not None
    return row[0]


# -- sakila ---------------------------------------------------------------------------------

SK_COUNTRIES = [
    "Afghanistan", "Algeria", "American Samoa", "Angola", "Anguilla", "Argentina", "Armenia", "Australia",
    "Austria", "Azerbaijan", "Bahrain", "Bangladesh", "Belarus", "Bolivia", "Brazil", "Brunei", "Bulgaria",
    "Cambodia", "Cameroon", "Canada", "Chad", "Chile", "China", "Colombia",
    "Congo, The Democratic Republic of the", "Czech Republic", "Dominican Republic", "Ecuador", "Egypt",
    "Estonia", "Ethiopia", "Faroe Islands", "Finland", "France", "French Guiana", "French Polynesia",
    "Gambia", "Germany", "Greece", "Greenland", "Holy See (Vatican City State)", "Hong Kong", "Hungary",
    "India", "Indonesia", "Iran", "Iraq", "Israel", "Italy", "Japan", "Kazakstan", "Kenya", "Kuwait",
    "Latvia", "Liechtenstein", "Lithuania", "Madagascar", "Malawi", "Malaysia", "Mexico", "Moldova",
    "Morocco", "Mozambique", "Myanmar", "Nauru", "Nepal", "Netherlands", "New Zealand", "Nigeria",
    "North Korea", "Oman", "Pakistan", "Paraguay", "Peru", "Philippines", "Poland", "Puerto Rico",
    "Romania", "Runion", "Russian Federation", "Saint Vincent and the Grenadines", "Saudi Arabia",
    "Senegal", "Slovakia", "South Africa", "South Korea", "Spain", "Sri Lanka", "Sudan", "Sweden",
    "Switzerland", "Taiwan", "Tanzania", "Thailand", "Tonga", "Tunisia", "Turkey", "Turkmenistan",
    "Tuvalu", "Ukraine", "United Arab Emirates", "United Kingdom", "United States", "Venezuela",
    "Vietnam", "Virgin Islands, U.S.", "Yemen", "Yugoslavia", "Zambia",
]  # fmt: skip
SK_BIG = {"India": 60, "China": 53, "United States": 35, "Japan": 31, "Mexico": 30, "Brazil": 28,
          "Russian Federation": 28, "Philippines": 20, "Turkey": 15, "Indonesia": 14}  # fmt: skip
SK_SYLLABLES = ["ka", "lo", "ma", "ri", "san", "to", "be", "na", "vi", "ra", "zu", "po", "li", "an",
                "dor", "gu", "el", "mi", "ta", "cho", "ho", "ba", "ne", "lu", "ya", "ko", "se", "di"]  # fmt: skip
SK_DISTRICTS = ["Alberta", "QLD", "Nagasaki", "California", "Attika", "Mandalay", "Texas", "Buenos Aires",
                "West Bengali", "England", "Shandong", "Gois", "So Paulo", "Ontario", "Punjab", "Hubei",
                "Maharashtra", "Central Java", "Tamil Nadu", "Osaka", "Jalisco", "Kanagawa", "Gujarat",
                "Southern Tagalog", "Rio de Janeiro", "Zhejiang", "Hiroshima", "Uttar Pradesh", "Nordrhein-Westfalen",
                "Lima", "Veracruz", "Sichuan", "Hokkaido", "Istanbul", "Moskova", "Taipei", "Kerala"]  # fmt: skip
SK_STREETS = [
    "Way",
    "Street",
    "Drive",
    "Avenue",
    "Parkway",
    "Lane",
    "Boulevard",
    "Loop",
    "Manor",
    "Place",
]
SK_FIRST = list(
    dict.fromkeys(
        [
            "MARY",
            "PATRICIA",
            "LINDA",
            "BARBARA",
            "ELIZABETH",
            "JENNIFER",
            "MARIA",
            "SUSAN",
            "MARGARET",
            "DOROTHY",
            "LISA",
            "NANCY",
            "KAREN",
            "BETTY",
            "HELEN",
            "SANDRA",
            "DONNA",
            "CAROL",
            "RUTH",
            "SHARON",
            "MICHELLE",
            "LAURA",
            "SARAH",
            "KIMBERLY",
            "DEBORAH",
            "JESSICA",
            "SHIRLEY",
            "CYNTHIA",
            "ANGELA",
            "MELISSA",
            "BRENDA",
            "AMY",
            "ANNA",
            "REBECCA",
            "VIRGINIA",
            "KATHLEEN",
            "PAMELA",
            "MARTHA",
            "DEBRA",
            "AMANDA",
            "PENELOPE",
            "NICK",
            "ED",
            "JOHNNY",
            "BETTE",
            "GRACE",
            "MATTHEW",
            "JOE",
            "CHRISTIAN",
            "ZERO",
            "KARL",
            "UMA",
            "VIVIEN",
            "CUBA",
            "FRED",
            "DAN",
            "BOB",
            "LUCILLE",
            "KIRSTEN",
            "ELVIS",
            "CAMERON",
            "KEVIN",
            "RIP",
            "JULIA",
            "WOODY",
            "ALEC",
            "SISSY",
            "TIM",
            "MILLA",
            "AUDREY",
            "JUDY",
            "BURT",
            "VAL",
            "TOM",
            "GOLDIE",
            "JODIE",
            "KIRK",
            "REESE",
            "PARKER",
            "FRANCES",
            "ANNE",
            "NATALIE",
            "GARY",
            "CARMEN",
            "MENA",
            "FAY",
            "JAMES",
            "SCARLETT",
            "SPENCER",
            "GENE",
            "MEG",
            "CHRIS",
            "JIM",
            "WALTER",
            "SIDNEY",
            "GINA",
            "WARREN",
            "SYLVESTER",
            "RUSSELL",
            "MORGAN",
            "HARRISON",
            "RENEE",
            "MICHAEL",
            "WILLIAM",
            "RICHARD",
            "JOSEPH",
            "THOMAS",
            "CHARLES",
            "DANIEL",
            "PAUL",
            "MARK",
            "DONALD",
            "GEORGE",
            "KENNETH",
            "STEVEN",
            "EDWARD",
            "BRIAN",
            "RONALD",
            "ANTHONY",
            "DAVID",
            "ROBERT",
            "JOHN",
        ]
    )
)
SK_LAST = list(
    dict.fromkeys(
        [
            "GUINESS",
            "WAHLBERG",
            "CHASE",
            "DAVIS",
            "LOLLOBRIGIDA",
            "NICHOLSON",
            "MOSTEL",
            "JOHANSSON",
            "SWANK",
            "GABLE",
            "CAGE",
            "BERRY",
            "WOOD",
            "BERGEN",
            "OLIVIER",
            "COSTNER",
            "VOIGHT",
            "TORN",
            "FAWCETT",
            "TRACY",
            "PALTROW",
            "MARX",
            "KILMER",
            "STREEP",
            "BLOOM",
            "CRAWFORD",
            "MCQUEEN",
            "HOFFMAN",
            "WAYNE",
            "PECK",
            "SOBIESKI",
            "HACKMAN",
            "NOLTE",
            "DUKAKIS",
            "KEITEL",
            "JACKMAN",
            "BOLGER",
            "MCKELLEN",
            "BRODY",
            "GOODING",
            "DEGENERES",
            "HOPKINS",
            "PHOENIX",
            "WILLIS",
            "HARRIS",
            "DEPP",
            "DEAN",
            "CRONYN",
            "WITHERSPOON",
            "PINKETT",
            "DREYFUSS",
            "HOPPER",
            "TEMPLE",
            "MONROE",
            "AKROYD",
            "TANDY",
            "BALE",
            "ALLEN",
            "SILVERSTONE",
            "WEST",
            "WILLIAMS",
            "SMITH",
            "JOHNSON",
            "BROWN",
            "JONES",
            "MILLER",
            "WILSON",
            "MOORE",
            "TAYLOR",
            "ANDERSON",
            "THOMAS",
            "JACKSON",
            "WHITE",
            "MARTIN",
            "THOMPSON",
            "GARCIA",
            "MARTINEZ",
            "ROBINSON",
            "CLARK",
            "RODRIGUEZ",
            "LEWIS",
            "LEE",
            "WALKER",
            "HALL",
            "YOUNG",
            "HERNANDEZ",
            "KING",
            "WRIGHT",
            "LOPEZ",
            "HILL",
            "SCOTT",
            "GREEN",
            "ADAMS",
            "BAKER",
            "GONZALEZ",
            "NELSON",
            "CARTER",
            "MITCHELL",
            "PEREZ",
            "ROBERTS",
            "TURNER",
            "PHILLIPS",
            "CAMPBELL",
            "PARKER",
            "EVANS",
            "EDWARDS",
            "COLLINS",
            "STEWART",
        ]
    )
)
SK_TITLE = [
    "ACADEMY",
    "ACE",
    "ADAPTATION",
    "AFFAIR",
    "AFRICAN",
    "AGENT",
    "AIRPLANE",
    "AIRPORT",
    "ALABAMA",
    "ALADDIN",
    "ALAMO",
    "ALASKA",
    "ALI",
    "ALICE",
    "ALIEN",
    "ALLEY",
    "ALONE",
    "ALTER",
    "AMADEUS",
    "AMELIE",
    "AMERICAN",
    "AMISTAD",
    "ANACONDA",
    "ANALYZE",
    "ANGELS",
    "ANNIE",
    "ANONYMOUS",
    "ANTHEM",
    "ANTITRUST",
    "ANYTHING",
    "APACHE",
    "APOCALYPSE",
    "APOLLO",
    "ARABIA",
    "ARACHNOPHOBIA",
    "ARGONAUTS",
    "ARIZONA",
    "ARK",
    "ARMAGEDDON",
    "ARMY",
    "ARSENIC",
    "ARTIST",
    "ATLANTIS",
    "ATTACKS",
    "ATTRACTION",
    "AUTUMN",
    "BABY",
    "BACKLASH",
    "BADMAN",
    "BAKED",
    "BALLOON",
    "BALLROOM",
    "BANG",
    "BANGER",
    "BAREFOOT",
    "BASIC",
    "BEACH",
    "BEAR",
    "BEAST",
    "BEAUTY",
    "BED",
    "BEDAZZLED",
    "BEETHOVEN",
    "BEHAVIOR",
    "BENEATH",
    "BERETS",
    "BETRAYED",
    "BEVERLY",
    "BIKINI",
    "BILKO",
    "BILL",
    "BINGO",
    "BIRCH",
    "BIRDCAGE",
    "BIRDS",
    "BLACKOUT",
    "BLADE",
    "BLANKET",
    "BLINDNESS",
    "BLOOD",
    "BLUES",
    "BOILED",
    "BONNIE",
    "BOOGIE",
    "BOONDOCK",
    "BORN",
    "BORROWERS",
    "BOULEVARD",
    "BOUND",
    "BOWFINGER",
    "BRANNIGAN",
    "BRAVEHEART",
    "BREAKFAST",
    "BREAKING",
    "BRIDE",
    "BRIGHT",
    "BRINGING",
    "BROOKLYN",
    "BROTHERHOOD",
    "BUBBLE",
    "BUCKET",
    "BUGSY",
    "BULL",
    "BULWORTH",
    "BUNCH",
    "BUTCH",
    "BUTTERFLY",
]
SK_DESC = [["Epic", "Astounding", "Fateful", "Boring", "Touching", "Thoughtful", "Insightful", "Amazing",
            "Brilliant", "Stunning", "Intrepid", "Emotional", "Lacklusture", "Unbelieveable", "Awe-Inspiring"],
           ["Drama", "Documentary", "Story", "Saga", "Panorama", "Reflection", "Character Study", "Tale",
            "Yarn", "Display"],
           ["Feminist", "Mad Scientist", "Teacher", "Database Administrator", "Lumberjack", "Crocodile",
            "Moose", "Dentist", "Monkey", "Squirrel", "Robot", "Boat", "Composer", "Cat", "Sumo Wrestler"],
           ["Battle", "Chase", "Defeat", "Find", "Kill", "Meet", "Outgun", "Outrace", "Pursue", "Reach",
            "Redeem", "Sink", "Succumb", "Vanquish", "Build"],
           ["The Canadian Rockies", "A Shark Tank", "Ancient India", "A Baloon", "Nigeria", "The Gulf of Mexico",
            "A Jet Boat", "An Abandoned Mine Shaft", "The Outback", "A Manhattan Penthouse", "Soviet Georgia",
            "Berlin", "A MySQL Convention", "The First Manned Space Station", "Ancient China"]]  # fmt: skip
SK_CATEGORIES = ["Action", "Animation", "Children", "Classics", "Comedy", "Documentary", "Drama", "Family",
                 "Foreign", "Games", "Horror", "Music", "New", "Sci-Fi", "Sports", "Travel"]  # fmt: skip
SK_LANGUAGES = ["English", "Italian", "Japanese", "Mandarin", "French", "German"]
SK_FEATURES = ["Trailers", "Commentaries", "Deleted Scenes", "Behind the Scenes"]
SK_TABLES = ["actor", "film", "film_actor", "category", "film_category", "language", "inventory", "rental",
             "payment", "customer", "staff", "store", "address", "city", "country"]  # fmt: skip


def _t(text: str) -> datetime:
    return datetime.fromisoformat(text)


def build_sakila(con: Con, rng: random.Random, scale: float) -> None:
    """The sakila tables: 2,000 films, 1,200 customers, 40,000 rentals."""
    n_city, n_cust, n_actor, n_film, n_rental = 1200, 1200, 400, 2000, 40_000
    stamp = {t: _t(f"2006-02-15 0{k % 6}:{10 + k * 3}:{20 + k}") for k, t in enumerate(SK_TABLES)}
    ts = [("last_update", "TIMESTAMP")]
    load(
        con,
        "country",
        [("country_id", "INTEGER"), ("country", "VARCHAR"), *ts],
        [(k + 1, c, stamp["country"]) for k, c in enumerate(SK_COUNTRIES)],
    )
    names: list[str] = []
    while len(names) < n_city:
        name = "".join(rng.choice(SK_SYLLABLES) for _ in range(rng.randint(2, 4))).title()
        if name not in names:
            names.append(name)
    for k in rng.sample(range(n_city), 6):  # a few city names occur in two countries
        names[k] = names[(k + 1) % n_city]
    weights = [SK_BIG.get(c, 4) for c in SK_COUNTRIES]
    countries = list(range(1, len(SK_COUNTRIES) + 1))
    city_country = countries + rng.choices(countries, weights, k=n_city - len(countries))
    load(
        con,
        "city",
        [("city_id", "INTEGER"), ("city", "VARCHAR"), ("country_id", "INTEGER"), *ts],
        [(k + 1, names[k], city_country[k], stamp["city"]) for k in range(n_city)],
    )
    # Addresses 1-2 are the stores', 3-4 the staff's, 5.. the customers' (customer_id + 4); almost
    # every city has one address.
    n_addr = n_cust + 4
    cities = rng.sample(range(1, n_city + 1), n_city) + rng.choices(range(1, n_city + 1), k=4)
    for k in rng.sample(range(n_addr), 8):
        cities[k] = rng.randint(1, n_city)
    streets: set[str] = set()
    addresses = []
    for a in range(1, n_addr + 1):
        street = f"{rng.randint(1, 1999)} {rng.choice(names)} {rng.choice(SK_STREETS)}"
        while street in streets:
            street = f"{rng.randint(1, 1999)} {rng.choice(names)} {rng.choice(SK_STREETS)}"
        streets.add(street)
        addresses.append((a, street, None if a <= 4 else "", rng.choice(SK_DISTRICTS), cities[a - 1],
                          "" if rng.random() < 0.03 else str(rng.randint(1000, 99999)),
                          "" if a <= 4 else str(rng.randint(10**8, 10**12)),
                          _t("2014-09-25 22:30:27") if a > 4 else _t("2014-09-25 22:29:59")))  # fmt: skip
    load(con, "address", [("address_id", "INTEGER"), ("address", "VARCHAR"), ("address2", "VARCHAR"),
                          ("district", "VARCHAR"), ("city_id", "INTEGER"), ("postal_code", "VARCHAR"),
                          ("phone", "VARCHAR"), *ts], addresses)  # fmt: skip
    load(
        con,
        "store",
        [("store_id", "INTEGER"), ("manager_staff_id", "INTEGER"), ("address_id", "INTEGER"), *ts],
        [(1, 1, 1, stamp["store"]), (2, 2, 2, stamp["store"])],
    )
    load(con, "staff", [("staff_id", "INTEGER"), ("first_name", "VARCHAR"), ("last_name", "VARCHAR"),
                        ("address_id", "INTEGER"), ("picture", "VARCHAR"), ("email", "VARCHAR"),
                        ("store_id", "INTEGER"), ("active", "INTEGER"), ("username", "VARCHAR"),
                        ("password", "VARCHAR"), *ts],
         [(1, "Mike", "Hillyer", 3, None, "Mike.Hillyer@sakilastaff.com", 1, 1, "Mike",
           "8cb2237d0679ca88db6464eac60da96345513964", stamp["staff"]),
          (2, "Jon", "Stephens", 4, None, "Jon.Stephens@sakilastaff.com", 2, 1, "Jon", None, stamp["staff"])])  # fmt: skip
    people: set[tuple[str, str]] = set()
    customers = []
    for c in range(1, n_cust + 1):
        first, last = rng.choice(SK_FIRST), rng.choice(SK_LAST)
        while (first, last) in people:
            first, last = rng.choice(SK_FIRST), rng.choice(SK_LAST)
        people.add((first, last))
        customers.append((c, 1 if rng.random() < 0.54 else 2, first, last, f"{first}.{last}@sakilacustomer.org",
                          c + 4, 0 if rng.random() < 0.025 else 1,
                          _t("2006-02-14 22:04:37" if rng.random() < 0.1 else "2006-02-14 22:04:36"),
                          stamp["customer"]))  # fmt: skip
    load(con, "customer", [("customer_id", "INTEGER"), ("store_id", "INTEGER"), ("first_name", "VARCHAR"),
                           ("last_name", "VARCHAR"), ("email", "VARCHAR"), ("address_id", "INTEGER"),
                           ("active", "INTEGER"), ("create_date", "TIMESTAMP"), *ts], customers)  # fmt: skip
    load(
        con,
        "actor",
        [("actor_id", "INTEGER"), ("first_name", "VARCHAR"), ("last_name", "VARCHAR"), *ts],
        [
            (a, rng.choice(SK_FIRST), rng.choice(SK_LAST), stamp["actor"])
            for a in range(1, n_actor + 1)
        ],
    )
    load(
        con,
        "category",
        [("category_id", "INTEGER"), ("name", "VARCHAR"), *ts],
        [(k + 1, n, stamp["category"]) for k, n in enumerate(SK_CATEGORIES)],
    )
    load(
        con,
        "language",
        [("language_id", "INTEGER"), ("name", "VARCHAR"), *ts],
        [(k + 1, n, stamp["language"]) for k, n in enumerate(SK_LANGUAGES)],
    )
    titles: list[str] = []
    while len(titles) < n_film:
        title = " ".join(rng.sample(SK_TITLE, 2))
        if title not in titles:
            titles.append(title)
    films, rates = [], {}
    for f in range(1, n_film + 1):
        adj, kind, who, verb, where = (rng.choice(s) for s in SK_DESC)
        other = rng.choice(SK_DESC[2])
        rates[f] = rng.choice([0.99, 2.99, 4.99])
        films.append((f, titles[f - 1], f"A {adj} {kind} of a {who} And a {other} who must {verb} a"
                      f" {rng.choice(SK_DESC[2])} in {where}", 2006, 1,
                      rng.randint(2, 6) if rng.random() < 0.03 else None, rng.randint(3, 7), rates[f],
                      rng.randint(46, 185), rng.randint(9, 29) + 0.99,
                      rng.choice(["G", "PG", "PG-13", "R", "NC-17"]),
                      ",".join(sorted(rng.sample(SK_FEATURES, rng.randint(1, 4)), key=SK_FEATURES.index)),
                      stamp["film"]))  # fmt: skip
    load(con, "film", [("film_id", "INTEGER"), ("title", "VARCHAR"), ("description", "VARCHAR"),
                       ("release_year", "INTEGER"), ("language_id", "INTEGER"), ("original_language_id", "INTEGER"),
                       ("rental_duration", "INTEGER"), ("rental_rate", "DECIMAL(4,2)"), ("length", "INTEGER"),
                       ("replacement_cost", "DECIMAL(5,2)"), ("rating", "VARCHAR"), ("special_features", "VARCHAR"),
                       *ts], films)  # fmt: skip
    pairs: set[tuple[int, int]] = set()
    for f in range(1, n_film + 1):
        if rng.random() >= 0.003:
            pairs.update((a, f) for a in rng.sample(range(1, n_actor + 1), rng.randint(1, 10)))
    for a in set(range(1, n_actor + 1)) - {a for a, _ in pairs}:
        pairs.add((a, rng.randint(1, n_film)))
    load(
        con,
        "film_actor",
        [("actor_id", "INTEGER"), ("film_id", "INTEGER"), *ts],
        [(a, f, stamp["film_actor"]) for a, f in sorted(pairs)],
    )
    load(
        con,
        "film_category",
        [("film_id", "INTEGER"), ("category_id", "INTEGER"), *ts],
        [
            (f, rng.randint(1, len(SK_CATEGORIES)), stamp["film_category"])
            for f in range(1, n_film + 1)
        ],
    )
    copies = sorted((f, rng.choice([1, 2])) for f in range(1, n_film + 1) if rng.random() >= 0.042
                    for _ in range(rng.randint(2, 7)))  # fmt: skip
    film_of = {k + 1: f for k, (f, _) in enumerate(copies)}
    load(
        con,
        "inventory",
        [("inventory_id", "INTEGER"), ("film_id", "INTEGER"), ("store_id", "INTEGER"), *ts],
        [(k + 1, f, s, stamp["inventory"]) for k, (f, s) in enumerate(copies)],
    )
    # The last 450 rentals happened in one instant in February 2006 and were never returned;
    # one copy was never rented; a customer often rents several films in the same second.
    late = 450
    items = rng.sample(range(1, len(copies)), len(copies) - 1)
    items += rng.choices(range(1, len(copies)), k=n_rental - len(items))
    people_ids = list(range(1, n_cust + 1)) + rng.choices(range(1, n_cust + 1), k=n_rental - n_cust)
    rng.shuffle(people_ids)
    periods = [("2005-05-24 22:53:30", 8), ("2005-06-14 22:53:30", 7), ("2005-07-05 22:53:30", 28),
               ("2005-08-16 22:53:30", 8)]  # fmt: skip
    starts: list[datetime] = []
    for k in range(n_rental - late):
        if k and rng.random() < 0.1:
            starts.append(starts[-1])
        else:
            start, days = rng.choice(periods)
            starts.append(_t(start) + timedelta(seconds=rng.randint(0, days * 86400)))
    starts.sort()
    starts += [_t("2006-02-14 15:16:03")] * late
    rentals, payments = [], []
    for r in range(1, n_rental + 1):
        out, item, who, staff = starts[r - 1], items[r - 1], people_ids[r - 1], rng.choice([1, 2])
        back = (
            None if r > n_rental - late else out + timedelta(seconds=rng.randint(86400, 10 * 86400))
        )
        rentals.append(
            (
                r,
                out,
                item,
                who,
                back,
                staff,
                _t("2006-02-23 04:12:08") if back is None else _t("2006-02-15 21:30:53"),
            )
        )
        fee = 0 if back is None else max(0, (back - out).days - 5)
        payments.append((who, out, staff, r, round(rates[film_of[item]] + fee, 2)))
    for _ in range(12):  # payments whose rental is unknown
        payments.append(
            (
                rng.randint(1, n_cust),
                rng.choice(starts),
                rng.choice([1, 2]),
                None,
                0.99 * rng.randint(1, 5),
            )
        )
    payments.sort(key=lambda p: (p[0], p[1], p[3] or 0))
    load(con, "rental", [("rental_id", "INTEGER"), ("rental_date", "TIMESTAMP"), ("inventory_id", "INTEGER"),
                         ("customer_id", "INTEGER"), ("return_date", "TIMESTAMP"), ("staff_id", "INTEGER"), *ts],
         rentals)  # fmt: skip
    load(con, "payment", [("payment_id", "INTEGER"), ("customer_id", "INTEGER"), ("staff_id", "INTEGER"),
                          ("rental_id", "INTEGER"), ("amount", "DECIMAL(5,2)"), ("payment_date", "TIMESTAMP"), *ts],
         [(k + 1, who, staff, r, amount, when,
           _t("2006-02-15 22:12:30") if rng.random() < 0.99 else _t("2006-02-15 22:24:12"))
          for k, (who, when, staff, r, amount) in enumerate(payments)])  # fmt: skip


def sakila_facts(con: Con) -> dict[str, Any]:
    queries = {
        "films_without_actors": "SELECT count(*) FROM film WHERE film_id NOT IN (SELECT film_id FROM film_actor)",
        "films_not_in_inventory": "SELECT count(*) FROM film WHERE film_id NOT IN (SELECT film_id FROM inventory)",
        "inventory_never_rented": "SELECT count(*) FROM inventory WHERE inventory_id NOT IN"
        " (SELECT inventory_id FROM rental)",
        "rentals_not_returned": "SELECT count(*) FROM rental WHERE return_date IS NULL",
        "payments_without_rental": "SELECT count(*) FROM payment WHERE rental_id IS NULL",
        "distinct_film_language_ids": "SELECT count(DISTINCT language_id) FROM film",
        "films_with_original_language": "SELECT count(original_language_id) FROM film",
        "film_category_film_id_unique": "SELECT count(*) = count(DISTINCT film_id) FROM film_category",
        "customers_with_address_id_customer_id_plus_4": "SELECT count(*) FROM customer"
        " WHERE TRY_CAST(address_id AS INTEGER) = TRY_CAST(customer_id AS INTEGER) + 4",
        "cities_with_several_addresses": "SELECT count(*) FROM (SELECT city_id FROM address"
        " GROUP BY ALL HAVING count(*) > 1)",
        "repeated_city_names": "SELECT count(*) - count(DISTINCT city) FROM city",
        "stores": "SELECT count(*) FROM store",
        "staff": "SELECT count(*) FROM staff",
        "tables_with_one_last_update": " + ".join(
            f"(SELECT (count(DISTINCT last_update) = 1)::INTEGER FROM {_q(t)})" for t in SK_TABLES
        ),
    }
    return {
        name: _one(con, f"SELECT {sql}" if sql.startswith("(") else sql)
        for name, sql in queries.items()
    }


# -- movielens ------------------------------------------------------------------------------

ML_GENRES = ["Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama",
             "Fantasy", "Film-Noir", "Horror", "IMAX", "Musical", "Mystery", "Romance", "Sci-Fi",
             "Thriller", "War", "Western"]  # fmt: skip
ML_WORDS = [
    "Toy",
    "Story",
    "Jumanji",
    "Grumpier",
    "Old",
    "Men",
    "Waiting",
    "Exhale",
    "Father",
    "Bride",
    "Heat",
    "Sabrina",
    "Tom",
    "Huck",
    "Sudden",
    "Death",
    "GoldenEye",
    "American",
    "President",
    "Dracula",
    "Dead",
    "Loving",
    "Balto",
    "Nixon",
    "Cutthroat",
    "Island",
    "Casino",
    "Sense",
    "Sensibility",
    "Four",
    "Rooms",
    "Ace",
    "Ventura",
    "Money",
    "Train",
    "Get",
    "Shorty",
    "Copycat",
    "Assassins",
    "Powder",
    "Leaving",
    "Las",
    "Vegas",
    "Othello",
    "Now",
    "Then",
    "Persuasion",
    "City",
    "Lost",
    "Children",
    "Shanghai",
    "Triad",
    "Dangerous",
    "Minds",
    "Twelve",
    "Monkeys",
    "Babe",
    "Carrington",
    "Seven",
    "Usual",
    "Suspects",
    "Mighty",
    "Aphrodite",
    "Lamerica",
    "Big",
    "Green",
    "Georgia",
    "Kids",
    "Home",
    "Holidays",
    "Postman",
    "Confessional",
    "Indian",
    "Cupboard",
    "Eye",
    "Beholder",
    "Night",
    "Moon",
    "Dark",
    "Garden",
    "Secret",
    "River",
    "Summer",
    "Blood",
    "Love",
    "War",
    "Girl",
    "King",
    "Last",
    "Man",
    "Time",
    "Star",
    "Street",
    "Heart",
    "Road",
    "Black",
    "White",
    "Red",
]
ML_TAGS = ["funny", "atmospheric", "Disney", "sci-fi", "twist ending", "dark comedy", "thought-provoking",
           "superhero", "visually appealing", "In Netflix queue", "quirky", "classic", "psychology",
           "surreal", "Leonardo DiCaprio", "space", "time travel", "Christopher Nolan", "music", "crime",
           "dystopia", "Quentin Tarantino", "philosophy", "politics", "mindfuck", "suspense", "romance",
           "magic", "Tom Hanks", "stylized", "great soundtrack", "nonlinear", "heist", "comedy", "WWII",
           "based on a book", "animation", "Pixar", "social commentary", "aliens", "violence", "boring",
           "cult film", "remake", "Holocaust", "predictable", "satire", "beautiful", "adventure", "noir"]  # fmt: skip
ML_RATINGS = [0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0]
ML_RATING_SHARES = [1.4, 2.8, 1.8, 7.5, 5.5, 19.9, 13.0, 26.6, 8.5, 13.2]


def build_movielens(con: Con, rng: random.Random, scale: float) -> None:
    """ml-latest-small: movies, ratings, tags and links."""
    n_movies, n_users, target = 9742, 610, 96_000
    dense = [m for m in range(1, 3500) if rng.random() < 0.93]
    ids = sorted(dense + rng.sample(range(3500, 193_610), n_movies - len(dense)))
    ids[-1] = 193_609
    titles = []
    for _ in range(n_movies):
        name = " ".join(rng.sample(ML_WORDS, rng.randint(2, 4)))
        if rng.random() < 0.08:
            name += ", The"
        titles.append(
            name if rng.random() < 0.0015 else f"{name} ({1902 + int(116 * rng.random() ** 0.4)})"
        )
    for k in rng.sample(range(n_movies), 5):  # the same title for two movies
        titles[k] = titles[(k + 7) % n_movies]
    genres = ["(no genres listed)" if rng.random() < 0.0035 else
              "|".join(sorted(rng.sample(ML_GENRES, rng.choice([1, 1, 2, 2, 3, 4])))) for _ in ids]  # fmt: skip
    load(
        con,
        "movies",
        [("movieId", "INTEGER"), ("title", "VARCHAR"), ("genres", "VARCHAR")],
        list(zip(ids, titles, genres, strict=True)),
    )
    popular = ids[:]
    rng.shuffle(popular)
    tags_only = set(popular[-18:])
    pool = popular[:-18]
    cum, total = [], 0.0
    for rank in range(len(pool)):
        total += 1 / (rank + 1) ** 0.9
        cum.append(total)
    want = [20 + int(25 * rng.paretovariate(1.2)) for _ in range(n_users)]
    factor = (target - 20 * n_users) / (sum(want) - 20 * n_users)
    want = [min(2600, 20 + int((w - 20) * factor)) for w in want]
    ratings: dict[tuple[int, int], tuple[float, int]] = {}
    for user, n in enumerate(want, start=1):
        start = rng.randint(828_124_615, 1_537_799_250 - 3 * 10**7)
        sessions = sorted(start + rng.randint(0, 3 * 10**7) for _ in range(1 + n // 40))
        whole = start < 1_045_000_000  # half stars came in 2003
        seen: set[int] = set()
        while len(seen) < n:
            seen.update(rng.choices(pool, cum_weights=cum, k=n - len(seen)))
        for movie in seen:
            rating = rng.choices(ML_RATINGS, ML_RATING_SHARES)[0]
            ratings[user, movie] = (
                float(round(rating + 0.1)) if whole else rating,
                rng.choice(sessions) + rng.randint(0, 900),
            )
    for movie in set(pool) - {m for _, m in ratings}:
        ratings[rng.randint(1, n_users), movie] = (
            rng.choices(ML_RATINGS, ML_RATING_SHARES)[0],
            1_500_000_000,
        )
    load(
        con,
        "ratings",
        [
            ("userId", "INTEGER"),
            ("movieId", "INTEGER"),
            ("rating", "DOUBLE"),
            ("timestamp", "BIGINT"),
        ],
        [(u, m, r, t) for (u, m), (r, t) in sorted(ratings.items())],
    )
    taggers = rng.sample(range(1, n_users + 1), 58)
    tags: list[tuple[int, int, str, int]] = []
    done: set[tuple[int, int, str]] = set()
    targets = [*sorted(tags_only), *rng.choices(pool, cum_weights=cum, k=1600)]
    for k, movie in enumerate(targets):
        user = rng.choice(taggers) if k >= 18 else taggers[k % 5]
        when = rng.randint(1_137_000_000, 1_537_000_000)
        for tag in rng.sample(ML_TAGS, rng.choice([1, 1, 1, 2, 3, 5])):
            if (user, movie, tag) not in done:
                done.add((user, movie, tag))
                tags.append((user, movie, tag, when))
    for user, movie, tag, when in rng.sample(tags, 9):  # tagged again later
        tags.append((user, movie, tag, when + rng.randint(10**5, 10**7)))
    load(
        con,
        "tags",
        [
            ("userId", "INTEGER"),
            ("movieId", "INTEGER"),
            ("tag", "VARCHAR"),
            ("timestamp", "BIGINT"),
        ],
        sorted(tags),
    )
    imdb = rng.sample(range(1, 8_400_000), n_movies)
    tmdb: list[int | None] = list(rng.sample(range(2, 530_000), n_movies))
    for k in rng.sample(range(n_movies), 8):
        tmdb[k] = None
    load(
        con,
        "links",
        [("movieId", "INTEGER"), ("imdbId", "VARCHAR"), ("tmdbId", "INTEGER")],
        [(m, f"{i:07d}", t) for m, i, t in zip(ids, imdb, tmdb, strict=True)],
    )


def movielens_facts(con: Con) -> dict[str, Any]:
    queries = {
        "users": "SELECT count(DISTINCT userId) FROM ratings",
        "user_ids_that_are_movie_ids": "SELECT count(DISTINCT userId) FROM ratings WHERE userId IN"
        " (SELECT movieId FROM movies)",
        "max_movie_id": "SELECT max(TRY_CAST(movieId AS INTEGER)) FROM movies",
        "movies_without_ratings": "SELECT count(*) FROM movies WHERE movieId NOT IN (SELECT movieId FROM ratings)",
        "movies_with_tags": "SELECT count(DISTINCT movieId) FROM tags",
        "tag_users": "SELECT count(DISTINCT userId) FROM tags",
        "tags_repeating_user_movie_tag": "SELECT count(*) FROM (SELECT userId, movieId, tag FROM tags"
        " GROUP BY ALL HAVING count(*) > 1)",
        "links_without_tmdb_id": "SELECT count(*) FROM links WHERE tmdbId IS NULL",
        "imdb_ids_with_leading_zero": "SELECT count(*) FROM links WHERE imdbId::VARCHAR LIKE '0%'",
        "repeated_titles": "SELECT count(*) - count(DISTINCT title) FROM movies",
    }
    return {name: _one(con, sql) for name, sql in queries.items()}


# -- the datasets ---------------------------------------------------------------------------

_OL = "olist_{}_dataset"
DATASETS = [
    Dataset(
        "olist", "Brazilian e-commerce public dataset by Olist, about 1/3 of its size", build_olist, olist_facts,
        {_OL.format("customers"): ("customer_id",), _OL.format("orders"): ("order_id",),
         _OL.format("order_items"): ("order_id", "order_item_id"),
         _OL.format("order_payments"): ("order_id", "payment_sequential"),
         _OL.format("order_reviews"): ("review_id", "order_id"), _OL.format("products"): ("product_id",),
         _OL.format("sellers"): ("seller_id",), "product_category_name_translation": ("product_category_name",),
         _OL.format("geolocation"): ()},
        [fk("olist_orders_dataset.customer_id", "olist_customers_dataset.customer_id",
            "1:1: each order has its own customer_id"),
         fk("olist_order_items_dataset.order_id", "olist_orders_dataset.order_id"),
         fk("olist_order_items_dataset.product_id", "olist_products_dataset.product_id",
            "every product appears in the child"),
         fk("olist_order_items_dataset.seller_id", "olist_sellers_dataset.seller_id",
            "every seller appears in the child"),
         fk("olist_order_payments_dataset.order_id", "olist_orders_dataset.order_id"),
         fk("olist_order_reviews_dataset.order_id", "olist_orders_dataset.order_id"),
         fk("olist_products_dataset.product_category_name", "product_category_name_translation.product_category_name",
            "text key; two categories missing from the parent")],
        {_OL.format("orders"): ("customer_id",),
         "product_category_name_translation": ("product_category_name_english",)},
        ["olist_customers_dataset.customer_zip_code_prefix", "olist_sellers_dataset.seller_zip_code_prefix",
         "olist_geolocation_dataset.geolocation_zip_code_prefix", "olist_customers_dataset.customer_state",
         "olist_sellers_dataset.seller_state", "olist_geolocation_dataset.geolocation_state"],
    ),
    Dataset(
        "sakila", "MySQL sakila sample database, 2,000 films and 40,000 rentals", build_sakila, sakila_facts,
        {"actor": ("actor_id",), "film": ("film_id",), "film_actor": ("actor_id", "film_id"),
         "category": ("category_id",), "film_category": ("film_id", "category_id"), "language": ("language_id",),
         "inventory": ("inventory_id",), "rental": ("rental_id",), "payment": ("payment_id",),
         "customer": ("customer_id",), "staff": ("staff_id",), "store": ("store_id",),
         "address": ("address_id",), "city": ("city_id",), "country": ("country_id",)},
        [fk("address.city_id", "city.city_id", "almost one address per city"),
         fk("city.country_id", "country.country_id"),
         fk("customer.address_id", "address.address_id", "address_id = customer_id + 4"),
         fk("customer.store_id", "store.store_id", "two stores"),
         fk("film.language_id", "language.language_id", "one value: every film is in English"),
         fk("film.original_language_id", "language.language_id", "nearly always empty; name does not match"),
         fk("film_actor.actor_id", "actor.actor_id", "n:m bridge actors-films"),
         fk("film_actor.film_id", "film.film_id", "n:m bridge actors-films"),
         fk("film_category.category_id", "category.category_id", "bridge with one category per film"),
         fk("film_category.film_id", "film.film_id", "bridge with one category per film (1:1)"),
         fk("inventory.film_id", "film.film_id"),
         fk("inventory.store_id", "store.store_id", "two stores"),
         fk("payment.customer_id", "customer.customer_id"),
         fk("payment.rental_id", "rental.rental_id", "a few empty"),
         fk("payment.staff_id", "staff.staff_id", "two staff"),
         fk("rental.customer_id", "customer.customer_id"),
         fk("rental.inventory_id", "inventory.inventory_id"),
         fk("rental.staff_id", "staff.staff_id", "two staff"),
         fk("staff.address_id", "address.address_id", "two rows"),
         fk("staff.store_id", "store.store_id", "two rows; cycle with store.manager_staff_id"),
         fk("store.address_id", "address.address_id", "two rows"),
         fk("store.manager_staff_id", "staff.staff_id", "two rows; name does not match; cycle")],
        {"film": ("title", "description"), "category": ("name",), "language": ("name",),
         "film_category": ("film_id",), "customer": ("email", "address_id"),
         "staff": ("first_name", "last_name", "address_id", "email", "store_id", "username"),
         "store": ("manager_staff_id", "address_id"), "address": ("address", "phone"), "country": ("country",)},
        [],
    ),
    Dataset(
        "movielens", "MovieLens ml-latest-small (GroupLens)", build_movielens, movielens_facts,
        {"movies": ("movieId",), "ratings": ("userId", "movieId"), "tags": (), "links": ("movieId",)},
        [fk("ratings.movieId", "movies.movieId"),
         fk("tags.movieId", "movies.movieId"),
         fk("links.movieId", "movies.movieId", "1:1: every movie has its links row")],
        {"links": ("imdbId", "tmdbId")},
        [],
    ),
]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    description = "Write (or --check) the second held-out FK-discovery datasets."
    args = heldout.command_parser(description, Path("bench/data/heldout2"), 5).parse_args(argv)
    return heldout.run(DATASETS, args.out, args.seed, check_only=args.check)


if __name__ == "__main__":
    sys.exit(main())
