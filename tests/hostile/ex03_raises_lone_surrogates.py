# HOSTILE: raises an exception whose text holds lone UTF-16 surrogates: the worker's JSON spells
# them as \ud800 escapes, which Python reads into a str that cannot be written as UTF-8 (every
# report quotes the text: the JSON, the terminal, a whole batch's files).
def gradient_step(v, gradient, step_size):
    raise ValueError("bad \udcff value \ud800")
