#!/usr/bin/env python3
"""Files SE applications through the API until an officer's inbox holds N cases (bench/run.sh).

usage: fill_inbox.py BASE_URL OFFICER_LOGIN APPLICANT_LOGIN N
Each application is what a foreigner files on the portal: a draft, the four required scans (a real
one-page PDF: the server parses uploads) and the filing. Prints the inbox size reached.
"""
import json
import sys
import urllib.request

base, officer_login, applicant_login, target = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def call(method, path, body=None, token=None, ctype="application/json"):
    data = body if isinstance(body, bytes) else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(base + path, data=data, method=method)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", ctype)
    with urllib.request.urlopen(req) as r:
        raw = r.read()
        return json.loads(raw) if raw else None


def pdf(label):
    stream = f"BT /F1 12 Tf 72 770 Td ({label}) Tj ET"
    objects = ["<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
               "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>",
               f"<</Length {len(stream)}>>\nstream\n{stream}\nendstream",
               "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"]
    out, offsets = "%PDF-1.4\n", []
    for i, body in enumerate(objects):
        offsets.append(len(out))
        out += f"{i + 1} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<</Size {len(objects) + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode()


def iin(serial):  # a valid IIN (reference-data.md check digit) born 1990-01-01
    while True:
        eleven = f"9001013{serial % 10000:04d}"
        d = [int(c) for c in eleven]
        s = sum(x * (i + 1) for i, x in enumerate(d)) % 11
        if s == 10:
            s = sum(x * (((i + 2) % 11) + 1) for i, x in enumerate(d)) % 11
        if s != 10:
            return eleven + str(s)
        serial += 1


officer = call("POST", "/api/v1/auth/demo-token", {"login": officer_login})["token"]
applicant = call("POST", "/api/v1/auth/demo-token", {"login": applicant_login})["token"]
me = call("GET", "/api/v1/me", token=officer)
profession = next(e["code"] for e in call("GET", "/api/v1/reference/se_profession")["entries"]
                  if e["data"]["kind"] == "profession")
inbox = len(call("GET", "/api/v1/cases", token=officer)["cases"])
serial = 1
while inbox < target:
    case = call("POST", "/api/v1/self-employment/applications", {
        "kind": "issue", "region": me["region"], "profession_code": profession,
        "applicant": {"full_name": f"Bench Applicant {serial}", "passport_number": f"EC{serial:07d}",
                      "citizenship": "CN", "phone": "+7 701 111 11 11", "iin": iin(serial)}}, token=applicant)
    for doc in ("application", "identity_document", "education_documents_translation", "employment_record_copy"):
        call("POST", f"/api/v1/self-employment/applications/{case['id']}/files?doc_type={doc}", pdf(doc), applicant,
             "application/pdf")
    call("POST", f"/api/v1/self-employment/applications/{case['id']}/filing", {"consent_personal_data": True}, applicant)
    serial += 1
    inbox = len(call("GET", "/api/v1/cases", token=officer)["cases"])
print(inbox)
