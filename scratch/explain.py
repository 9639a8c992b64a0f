import re, subprocess, sys
log = open('/tmp/stmts.log').read()
pid = sys.argv[1]
# split into entries
entries = re.split(r'\n(?=\d{4}-\d\d-\d\d )', log)
mine = [e for e in entries if f'[{pid}]' in e]
# find last request: between the last two 'statement: commit'
idx = [i for i, e in enumerate(mine) if 'statement: commit' in e]
a, b = idx[-3], idx[-2]
req = mine[a+1:b+1]
stmts = []
for i, e in enumerate(req):
    m = re.search(r'LOG:  execute <unnamed>: (.*)', e, re.S)
    if m:
        sql = m.group(1)
        params = {}
        if i + 1 < len(req) and 'DETAIL:  parameters:' in req[i+1]:
            d = req[i+1].split('DETAIL:  parameters: ', 1)[1]
            for pm in re.finditer(r"\$(\d+) = (NULL|'((?:[^']|'')*)')", d):
                params[int(pm.group(1))] = 'NULL' if pm.group(2) == 'NULL' else "'" + pm.group(3) + "'"
        sql = re.sub(r'\$(\d+)', lambda m: params[int(m.group(1))], sql)
        stmts.append(sql)
    elif 'statement:' in e:
        stmts.append(e.split('statement: ', 1)[1])
for s in stmts:
    if s.strip() in ('begin', 'commit'): continue
    q = "begin;\nexplain (analyze, summary, costs off, timing off) " + s + ";\nrollback;"
    out = subprocess.run(['psql', '-h', '127.0.0.1', '-U', 'postgres', '-At', 'zv_scratch_read'], input=q, capture_output=True, text=True).stdout
    pt = re.search(r'Planning Time: ([\d.]+)', out); et = re.search(r'Execution Time: ([\d.]+)', out)
    print(f"plan {pt.group(1) if pt else '?':>7} exec {et.group(1) if et else '?':>7}  {' '.join(s.split())[:90]}")
