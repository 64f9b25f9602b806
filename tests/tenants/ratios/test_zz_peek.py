def test_peek(client_for):
    r = client_for().post("/tools/ratio/", {"care_type": "kdv", "ages": "0, 0, 1, 2", "staff": "1", "play_space_m2": "10"})
    html = r.content.decode()
    print(html[html.index("<main"):html.index("</main>")])
